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
        Usage: sweeps status ID [--cluster REDIS] [--cluster-id ID] [--service-id ID]

        Prints the sweep's status and counters (done, computed, reused, successes, diverged),
        overall and per method. Exit code 1 when the id is unknown.

        {ClusterArguments.Help}
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, Terminal terminal, CancellationToken cancellation)
    {
        var (connection, id) = await ClusterArguments.ConnectToSweepAsync(args, cancellation);
        await using var _ = connection;
        var p = await connection.Client.GetGrain<ISweepGrain>(id).GetProgress();
        if (p.Status == SweepStatus.NotStarted)
            return ClusterArguments.NotFound(terminal, id);
        terminal.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{id}: {p.Status}, {p.Done}/{p.Total} done ({p.Computed} computed, {p.Reused} reused), {p.Successes} successes, {p.Diverged} diverged"));
        foreach (var m in p.Methods)
            terminal.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {m.Method}: {m.Done} done ({m.Computed} computed, {m.Reused} reused), {m.Successes} successes, {m.Diverged} diverged"));
        return CommandLine.Ok;
    }
}
