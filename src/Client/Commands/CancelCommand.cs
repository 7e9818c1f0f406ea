using Sweeps.Client.Cli;
using Sweeps.Grains.Sweeps;

namespace Sweeps.Client.Commands;

/// <summary>`sweeps cancel ID --cluster REDIS`: stops dispatching a cluster sweep; running trials finish and stay stored, `run` resumes it.</summary>
public sealed class CancelCommand : ICommand
{
    public string Name => "cancel";

    public string Summary => "stop a cluster sweep (run resumes it)";

    public string Usage => $"""
        Usage: sweeps cancel ID [--cluster REDIS]

        Stops dispatching the sweep's trials; trials already running finish and stay stored.
        Submitting the same spec again ('sweeps run SPEC --cluster ...') resumes it.

        {ClusterArguments.Help}
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, Terminal terminal, CancellationToken cancellation)
    {
        var reader = new ArgumentReader(args, [ClusterArguments.Option], []);
        var id = ClusterArguments.SweepId(reader);
        await using var connection = await ClusterArguments.ConnectAsync(ClusterArguments.Required(reader), cancellation);
        var p = await connection.Client.GetGrain<ISweepGrain>(id).Cancel();
        if (p.Status == SweepStatus.NotStarted)
        {
            terminal.Error.WriteLine($"sweep '{id}': not found on this cluster (see 'sweeps list').");
            return CommandLine.Failed;
        }
        terminal.Error.WriteLine($"sweep '{id}': {p.Status}, {p.Done}/{p.Total} done.");
        return CommandLine.Ok;
    }
}
