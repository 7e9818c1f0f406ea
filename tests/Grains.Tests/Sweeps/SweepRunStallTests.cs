using Microsoft.Extensions.Time.Testing;
using Sweeps.Grains.Sweeps;

namespace Sweeps.Grains.Tests.Sweeps;

/// <summary>The coordinator's stall rule on a fake clock: a run is stalled only after the timeout passes with no report.</summary>
public sealed class SweepRunStallTests
{
    [Fact]
    public void A_run_stalls_after_the_timeout_without_progress_and_a_report_restarts_the_count()
    {
        var time = new FakeTimeProvider();
        var definition = SweepTestCluster.Definition("stall", [10], ["plain"], 4);
        var run = new SweepRun(definition, generation: 1, window: 8, time);
        var timeout = TimeSpan.FromSeconds(60);

        time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(run.IsStalled(timeout));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(run.IsStalled(timeout));

        run.Add(new CellProgress(1, "plain", Done: 1, Computed: 1, Successes: 1, Diverged: 0));
        Assert.False(run.IsStalled(timeout));
        time.Advance(TimeSpan.FromSeconds(61));
        Assert.True(run.IsStalled(timeout));
    }
}
