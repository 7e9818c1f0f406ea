using OpenTelemetry.Metrics;
using Sweeps.Grains.Sweeps;
using Sweeps.Grains.Telemetry;
using Sweeps.Hosting;

namespace Sweeps.Observability.Tests;

public sealed class SweepMetricsTests(TelemetryClusterFixture fixture) : IClassFixture<TelemetryClusterFixture>
{
    [Fact]
    public async Task The_sweeps_meter_counts_each_computed_trial_once_by_method_and_outcome_and_every_cell_and_returns_gauges_to_zero()
    {
        var methods = new[] { "counted", KnownEvaluator.Throwing };
        var definition = KnownEvaluator.Definition("metered", [10, 20, 30], methods, 30);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
            Assert.Equal(SweepStatus.Completed, (await fixture.Cluster.Client.RunAsync(definition, cancellation: timeout.Token)).Status);
        var expected = KnownEvaluator.Expected(definition)
            .GroupBy(e => (e.Method, e.Status, e.Success)).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(5, expected.Count); // both methods converge with and without success; the throwing one also diverges

        // A trial leaves the in-flight count after reporting, which may be just after the sweep completed.
        Dictionary<string, MetricSnapshot> metrics = [];
        for (var attempt = 0; attempt < 100; attempt++)
        {
            metrics = Collect();
            if (Points(metrics, "sweeps.trials.in_flight").Sum(p => p.GetSumLong()) == 0)
                break;
            await Task.Delay(50);
        }

        var completed = Points(metrics, "sweeps.trials.completed")
            .Where(p => methods.Contains(Tag(p, SweepsAttributes.Method)))
            .ToDictionary(p => (Tag(p, SweepsAttributes.Method)!, Tag(p, SweepsAttributes.Outcome)!, (bool)TagValue(p, SweepsAttributes.Success)!), p => p.GetSumLong());
        Assert.Equal(expected.OrderBy(kv => kv.Key), completed.OrderBy(kv => kv.Key));
        Assert.All(Points(metrics, "sweeps.trials.completed").Where(p => methods.Contains(Tag(p, SweepsAttributes.Method))),
            p => Assert.Equal("known", Tag(p, SweepsAttributes.Problem)));

        var durations = Points(metrics, "sweeps.trial.duration").Where(p => methods.Contains(Tag(p, SweepsAttributes.Method))).ToList();
        Assert.Equal(180, durations.Sum(p => p.GetHistogramCount()));
        Assert.Equal("s", metrics["sweeps.trial.duration"].Unit);
        var cells = Points(metrics, "sweeps.cells.completed").Where(p => methods.Contains(Tag(p, SweepsAttributes.Method)));
        Assert.Equal(6, cells.Sum(p => p.GetSumLong()));
        Assert.Equal(0, Points(metrics, "sweeps.trials.in_flight").Sum(p => p.GetSumLong()));
        Assert.Equal(0, Points(metrics, "sweeps.executor.queue_length").Sum(p => p.GetSumLong()));
        Assert.Equal(0, Points(metrics, "sweeps.sweeps.active").Sum(p => p.GetSumLong()));
        Assert.Contains(metrics.Keys, name => name.StartsWith("orleans-", StringComparison.Ordinal) || name.StartsWith("orleans.", StringComparison.Ordinal));
        Assert.Contains(metrics.Keys, name => name.StartsWith("dotnet.", StringComparison.Ordinal));
    }

    /// <summary>The latest cumulative value of every metric.</summary>
    private Dictionary<string, MetricSnapshot> Collect()
    {
        lock (fixture.Metrics)
            fixture.Metrics.Clear();
        fixture.Meters.ForceFlush();
        lock (fixture.Metrics)
            return fixture.Metrics.GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.Last());
    }

    private static IReadOnlyList<MetricPoint> Points(Dictionary<string, MetricSnapshot> metrics, string name) =>
        metrics.TryGetValue(name, out var metric) ? metric.MetricPoints : [];

    private static object? TagValue(MetricPoint point, string name)
    {
        foreach (var tag in point.Tags)
            if (tag.Key == name)
                return tag.Value;
        return null;
    }

    private static string? Tag(MetricPoint point, string name) => TagValue(point, name) as string;
}
