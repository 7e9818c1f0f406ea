using System.Collections.Immutable;
using Sweeps.Grains.Sweeps;

namespace Sweeps.Hosting.Live;

/// <summary>Progress of one method as the page shows it: done of total, successes, rate and ETA (null when not running or no rate yet).</summary>
public sealed record LiveMethodProgress(string Method, long Done, long Total, long Computed, long Reused, long Successes, long Diverged, double Rate, double? EtaSeconds);

/// <summary>A sweep's progress for the page: status, counters, rate and ETA overall and per method.</summary>
public sealed record LiveProgress(
    string SweepId, string Status, long Done, long Total, long Computed, long Reused, long Successes, long Diverged,
    double Rate, double? EtaSeconds, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, ImmutableArray<LiveMethodProgress> Methods)
{
    public static LiveProgress Of(SweepDefinition sweep, SweepProgress p, ProgressRates rates)
    {
        var running = p.Status == SweepStatus.Running;
        double? Eta(long left, double rate) => running && rate > 0 ? left / rate : null;
        var perMethod = sweep.TotalTrials / sweep.Methods.Length;
        var methods = sweep.Methods.Select(label =>
        {
            var m = p.Methods.FirstOrDefault(x => x.Method == label) ?? new MethodProgress(label, 0, 0, 0, 0, 0);
            var rate = running ? rates.PerSecond(label) : 0;
            return new LiveMethodProgress(label, m.Done, perMethod, m.Computed, m.Reused, m.Successes, m.Diverged, rate, Eta(perMethod - m.Done, rate));
        }).ToImmutableArray();
        var total = running ? rates.PerSecond(null) : 0;
        return new LiveProgress(p.SweepId, StatusName(p.Status), p.Done, p.Total, p.Computed, p.Reused, p.Successes, p.Diverged,
            total, Eta(p.Total - p.Done, total), p.StartedAt, p.FinishedAt, methods);
    }

    public static string StatusName(SweepStatus status) => status switch
    {
        SweepStatus.NotStarted => "not-started",
        _ => status.ToString().ToLowerInvariant(),
    };
}
