using Sweeps.Client.Cli;
using Sweeps.Grains.Sweeps;
using Sweeps.Hosting;

namespace Sweeps.Client.Commands;

/// <summary>`sweeps watch ID --cluster REDIS`: follows a cluster sweep with the progress line until it is completed or cancelled.</summary>
public sealed class WatchCommand : ICommand
{
    public string Name => "watch";

    public string Summary => "follow a cluster sweep's progress until it ends";

    public string Usage => $"""
        Usage: sweeps watch ID [--cluster REDIS] [--cluster-id ID] [--service-id ID]

        Shows the progress line of the sweep until it is completed (exit 0) or cancelled (exit 1).
        Ctrl+C stops watching; the sweep keeps running.

        {ClusterArguments.Help}
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, Terminal terminal, CancellationToken cancellation)
    {
        var (connection, id) = await ClusterArguments.ConnectToSweepAsync(args, cancellation);
        await using var _ = connection;
        var line = new ProgressLine(terminal, DateTimeOffset.UtcNow);
        SweepProgress? last = null;
        await foreach (var p in connection.Client.FollowAsync(id, TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(3), cancellation))
        {
            if (p.Status == SweepStatus.NotStarted)
                break;
            line.Report(p);
            last = p;
        }
        if (last is null)
            return ClusterArguments.NotFound(terminal, id);
        terminal.Error.WriteLine($"sweep '{id}': {last.Status}.");
        return last.Status == SweepStatus.Completed ? CommandLine.Ok : CommandLine.Failed;
    }
}
