using Sweeps.Client.Cli;
using Sweeps.Grains.Sweeps;

namespace Sweeps.Client.Commands;

/// <summary>`sweeps cancel ID --cluster REDIS`: stops dispatching a cluster sweep; running trials finish and stay stored, `run` resumes it.</summary>
public sealed class CancelCommand : ICommand
{
    public string Name => "cancel";

    public string Summary => "stop a cluster sweep (run resumes it)";

    public string Usage => $"""
        Usage: sweeps cancel ID [--cluster REDIS] [--cluster-id ID] [--service-id ID]

        Stops dispatching the sweep's trials; trials already running finish and stay stored.
        Submitting the same spec again ('sweeps run SPEC --cluster ...') resumes it.

        {ClusterArguments.Help}
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, Terminal terminal, CancellationToken cancellation)
    {
        var (connection, id) = await ClusterArguments.ConnectToSweepAsync(args, cancellation);
        await using var _ = connection;
        var p = await connection.Client.GetGrain<ISweepGrain>(id).Cancel();
        if (p.Status == SweepStatus.NotStarted)
            return ClusterArguments.NotFound(terminal, id);
        terminal.Error.WriteLine($"sweep '{id}': {p.Status}, {p.Done}/{p.Total} done.");
        return CommandLine.Ok;
    }
}
