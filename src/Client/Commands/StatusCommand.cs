using System.Globalization;
using Sweeps.Client.Cli;
using Sweeps.Grains.Sweeps;

namespace Sweeps.Client.Commands;

/// <summary>`sweeps status ID --cluster REDIS`: the sweep's counters now, overall and per method.</summary>
public sealed class StatusCommand : ICommand
{
    public string Name => "status";

    public string Summary => "show a cluster sweep's progress once";

    public string Usage => $"""
        Usage: sweeps status ID [--cluster REDIS]

        Prints the sweep's status and counters (done, computed, reused, successes, diverged),
        overall and per method. Exit code 1 when the id is unknown.

        {ClusterArguments.Help}
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, Terminal terminal, CancellationToken cancellation)
    {
        var reader = new ArgumentReader(args, [ClusterArguments.Option], []);
        var id = ClusterArguments.SweepId(reader);
        await using var connection = await ClusterArguments.ConnectAsync(ClusterArguments.Required(reader), cancellation);
        var p = await connection.Client.GetGrain<ISweepGrain>(id).GetProgress();
        if (p.Status == SweepStatus.NotStarted)
        {
            terminal.Error.WriteLine($"sweep '{id}': not found on this cluster (see 'sweeps list').");
            return CommandLine.Failed;
        }
        terminal.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{id}: {p.Status}, {p.Done}/{p.Total} done ({p.Computed} computed, {p.Reused} reused), {p.Successes} successes, {p.Diverged} diverged"));
        foreach (var m in p.Methods)
            terminal.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {m.Method}: {m.Done} done ({m.Computed} computed, {m.Reused} reused), {m.Successes} successes, {m.Diverged} diverged"));
        return CommandLine.Ok;
    }
}
