using System.Diagnostics;
using System.Globalization;
using Sweeps.Grains.Sweeps;
using Sweeps.Grains.Telemetry;
using Sweeps.Hosting;

namespace Sweeps.Observability.Tests;

public sealed class SweepTracingTests(TelemetryClusterFixture fixture) : IClassFixture<TelemetryClusterFixture>
{
    [Fact]
    public async Task A_sweep_is_one_trace_of_sweep_and_dispatch_spans_and_a_linked_trace_per_chunk_of_cell_and_trial_spans_from_both_silos()
    {
        var definition = KnownEvaluator.Definition("traced", [10, 20], ["plain", KnownEvaluator.Throwing], 40);
        var final = await RunAsync(definition);
        Assert.Equal(SweepStatus.Completed, final.Status);
        var spans = await SpansOfAsync("traced", expectedTrials: 160);
        var byId = spans.ToDictionary(s => s.SpanId);

        var sweep = Assert.Single(spans, s => s.OperationName == SweepsTelemetry.SweepSpan);
        Assert.Equal(default, sweep.ParentSpanId);
        Assert.Equal(("Completed", 160L), ((string?)sweep.GetTagItem(SweepsAttributes.Status), (long?)sweep.GetTagItem(SweepsAttributes.Done)));
        var dispatch = Assert.Single(spans, s => s.OperationName == SweepsTelemetry.DispatchSpan);
        Assert.Equal(sweep.TraceId, dispatch.TraceId);
        Assert.Contains(sweep, Ancestors(dispatch, byId));
        Assert.Equal("completed", dispatch.GetTagItem(SweepsAttributes.Status));

        // With a window larger than the sweep, each cell x method of 40 trials is dispatched as chunks of 32 and 8.
        var cells = spans.Where(s => s.OperationName == SweepsTelemetry.CellSpan).ToList();
        Assert.Equal(8, cells.Count);
        Assert.All(cells, cell =>
        {
            Assert.Equal(default, cell.ParentSpanId);
            Assert.NotEqual(sweep.TraceId, cell.TraceId);
            var link = Assert.Single(cell.Links);
            Assert.Equal((dispatch.TraceId, dispatch.SpanId), (link.Context.TraceId, link.Context.SpanId));
        });
        Assert.Equal(8, cells.Select(c => c.TraceId).Distinct().Count());

        var expected = KnownEvaluator.Expected(definition).ToDictionary(e => (e.Seed, e.Method));
        var trials = spans.Where(s => s.OperationName == SweepsTelemetry.TrialSpan).ToList();
        Assert.Equal(160, trials.Count);
        foreach (var trial in trials)
        {
            var seed = ulong.Parse((string)trial.GetTagItem(SweepsAttributes.Seed)!, CultureInfo.InvariantCulture);
            var e = expected[(seed, (string)trial.GetTagItem(SweepsAttributes.Method)!)];
            Assert.Equal((e.Cell.Key, e.Method, e.Trial, "known"), ((string?)trial.GetTagItem(SweepsAttributes.Cell),
                (string?)trial.GetTagItem(SweepsAttributes.Method), (int?)trial.GetTagItem(SweepsAttributes.Trial), (string?)trial.GetTagItem(SweepsAttributes.Problem)));
            Assert.Equal(e.Cell.Parameters["m"], trial.GetTagItem(SweepsAttributes.CellParameterPrefix + "m"));
            Assert.Equal((e.Status, e.Success), ((string?)trial.GetTagItem(SweepsAttributes.Outcome), (bool?)trial.GetTagItem(SweepsAttributes.Success)));
            if (KnownEvaluator.Throws(e.Method, seed))
            {
                Assert.Equal(ActivityStatusCode.Error, trial.Status);
                Assert.Equal($"InvalidOperationException: known failure of seed {seed}", trial.StatusDescription);
                Assert.Contains(trial.Events, ev => ev.Name == "exception");
            }
            else
            {
                Assert.Equal(ActivityStatusCode.Unset, trial.Status);
                Assert.Equal((KnownEvaluator.RelError(seed), KnownEvaluator.Iterations(seed)),
                    ((double?)trial.GetTagItem(SweepsAttributes.RelError), (int?)trial.GetTagItem(SweepsAttributes.Iterations)));
            }

            // The trial hangs (through Orleans' call spans) under the cell span that dispatched its index.
            var cell = Assert.Single(Ancestors(trial, byId), a => a.OperationName == SweepsTelemetry.CellSpan);
            var first = (int)cell.GetTagItem(SweepsAttributes.FirstTrial)!;
            Assert.InRange(e.Trial, first, first + (int)cell.GetTagItem(SweepsAttributes.TrialCount)! - 1);
            Assert.Equal((e.Cell.Key, e.Method), ((string?)cell.GetTagItem(SweepsAttributes.Cell), (string?)cell.GetTagItem(SweepsAttributes.Method)));
        }
        Assert.Contains(trials, t => Ancestors(t, byId).Any(a => a.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal)));

        // Both silos computed trials, and every trial span, wherever computed, reaches the sweep's trace through its cell's link.
        var traced = trials.Select(t => ulong.Parse((string)t.GetTagItem(SweepsAttributes.Seed)!, CultureInfo.InvariantCulture)).ToHashSet();
        Assert.All(fixture.Evaluators, evaluator => Assert.Contains(evaluator.Seeds, traced.Contains));
    }

    [Fact]
    public async Task Every_trace_starts_at_a_sweeps_span_and_progress_polls_are_not_traced()
    {
        var definition = KnownEvaluator.Definition("untraced-polls", [30], ["quiet"], 10);
        await RunAsync(definition);
        await SpansOfAsync("untraced-polls", expectedTrials: 10);
        lock (fixture.Spans)
        {
            Assert.All(fixture.Spans.Where(s => s.ParentSpanId == default), root => Assert.Contains(root.OperationName, SweepsTelemetry.RootSpans));
            Assert.DoesNotContain(fixture.Spans, s => s.DisplayName.Contains(nameof(ISweepGrain.GetProgress), StringComparison.Ordinal));
        }
    }

    private async Task<SweepProgress> RunAsync(SweepDefinition definition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await fixture.Cluster.Client.RunAsync(definition, interval: TimeSpan.FromMilliseconds(20), cancellation: timeout.Token);
    }

    /// <summary>
    /// The spans of the traces that belong to the sweep (its own trace and those of its cells), once all
    /// its trial spans ended: a trial span ends after its report, which may come after the sweep completed.
    /// </summary>
    private async Task<List<Activity>> SpansOfAsync(string sweepId, int expectedTrials)
    {
        for (var attempt = 0; ; attempt++)
        {
            List<Activity> all;
            lock (fixture.Spans)
                all = [.. fixture.Spans];
            var traces = all.Where(s => (string?)s.GetTagItem(SweepsAttributes.SweepId) == sweepId).Select(s => s.TraceId).ToHashSet();
            var spans = all.Where(s => traces.Contains(s.TraceId)).ToList();
            if (spans.Count(s => s.OperationName == SweepsTelemetry.TrialSpan) >= expectedTrials || attempt == 100)
                return spans;
            await Task.Delay(50);
        }
    }

    private static IEnumerable<Activity> Ancestors(Activity span, Dictionary<ActivitySpanId, Activity> byId)
    {
        for (var current = span; byId.TryGetValue(current.ParentSpanId, out var parent); current = parent)
            yield return parent;
    }
}
