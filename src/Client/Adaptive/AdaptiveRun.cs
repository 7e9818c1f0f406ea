using System.Collections.Immutable;
using System.Globalization;
using Sweeps.Client.Cli;
using Sweeps.Client.Specs;
using Sweeps.Grains.Sweeps;
using Sweeps.Hosting;
using Sweeps.Numerics.Trials;

namespace Sweeps.Client.Adaptive;

/// <summary>The end of an adaptive run: the last round's definition, the counters of this invocation, and the last plan.</summary>
public sealed record AdaptiveOutcome(SweepDefinition Definition, SweepProgress Progress, AdaptivePlan? Plan);

/// <summary>
/// The round loop of <c>sweeps run</c> on an adaptive spec: round 0 is the spec's grid; after each round the planner
/// computes the next definition from the round's stored results, which is submitted to the same sweep id (an extension:
/// new cells and trial indices only), until the planner says done. A round whose trials are all stored already (a
/// resumed run) is not submitted again, so rerunning the command recomputes nothing and, every round being a pure
/// function of finished results, reaches the same rounds and the same outputs.
/// </summary>
public static class AdaptiveRun
{
    public static async Task<AdaptiveOutcome> RunAsync(
        IGrainFactory grains, LoadedSpec spec, TimeSpan? tolerance, Terminal terminal, CancellationToken cancellation)
    {
        var settings = spec.Adaptive ?? throw new ArgumentException("the spec has no adaptive block", nameof(spec));
        var axes = spec.Axes.Select(a => a.Name).ToList();
        var started = DateTimeOffset.UtcNow;
        var definition = spec.Definition;
        var computed = spec.Definition.Methods.ToDictionary(m => m, _ => 0L);
        for (var round = 0; ; round++)
        {
            var records = await ReadAsync(grains, definition, tolerance, cancellation);
            if (records.Count < definition.TotalTrials)
            {
                var progress = new ProgressLine(terminal, DateTimeOffset.UtcNow, $"round {round}: ");
                var stored = await grains.GetGrain<ISweepGrain>(definition.SweepId).GetDefinition();
                var run = await grains.RunAsync(Covering(stored, definition), progress, tolerateFailuresFor: tolerance, cancellation: cancellation);
                if (run.Status != SweepStatus.Completed)
                    return new AdaptiveOutcome(definition, run, null);
                foreach (var method in run.Methods)
                    computed[method.Method] += method.Computed;
                records = await ReadAsync(grains, definition, tolerance, cancellation);
            }
            var plan = AdaptivePlanner.Plan(definition, axes, AdaptivePlanner.Count(records), settings, round);
            terminal.Error.WriteLine(Describe(plan, definition));
            if (plan.Next is null)
                return new AdaptiveOutcome(definition, Totals(definition, records, computed, started), plan);
            definition = plan.Next;
        }
    }

    /// <summary>
    /// What a round submits: the planned definition, raised to every cell and count the coordinator already holds. A cell's
    /// own trials never shrink (a stored sweep refuses that), and a spec run again with other settings (a tighter precision)
    /// plans rounds that differ from the stored ones; the stored trials stay in the sweep, the plan reads only its own.
    /// </summary>
    internal static SweepDefinition Covering(SweepDefinition? stored, SweepDefinition planned)
    {
        if (stored is null)
            return planned;
        var held = stored.Cells.ToDictionary(c => c.Key, stored.TrialsOf);
        var cells = planned.Cells.Select(c => held.TryGetValue(c.Key, out var trials) && trials > planned.TrialsOf(c) ? c with { Trials = trials } : c).ToList();
        var planCells = planned.Cells.Select(c => c.Key).ToHashSet();
        cells.AddRange(stored.Cells.Where(c => !planCells.Contains(c.Key)).Select((c, i) => c with { Index = planned.Cells.Length + i, Trials = stored.TrialsOf(c) }));
        return planned with { Cells = [.. cells] };
    }

    private static async Task<List<TrialRecord>> ReadAsync(IGrainFactory grains, SweepDefinition definition, TimeSpan? tolerance, CancellationToken cancellation)
    {
        var records = new List<TrialRecord>();
        await foreach (var record in grains.ReadRecordsAsync(definition, tolerance, cancellation))
            records.Add(record);
        return records;
    }

    /// <summary>
    /// The counters of the whole adaptive sweep for manifest.json and the summary line: every trial of the last round,
    /// those computed by this invocation (summed over its rounds) and the rest reused.
    /// </summary>
    private static SweepProgress Totals(SweepDefinition definition, List<TrialRecord> records, Dictionary<string, long> computed, DateTimeOffset started)
    {
        var methods = definition.Methods.Select(m =>
        {
            var trials = records.Where(r => r.Method == m).ToList();
            return new MethodProgress(m, trials.Count, computed[m], trials.Count - computed[m], trials.Count(r => r.Success), trials.Count(Diverged));
        }).ToImmutableArray();
        return new SweepProgress(definition.SweepId, SweepStatus.Completed, definition.TotalTrials, methods.Sum(m => m.Done), methods.Sum(m => m.Computed),
            methods.Sum(m => m.Reused), methods.Sum(m => m.Successes), methods.Sum(m => m.Diverged), methods, started, DateTimeOffset.UtcNow);
    }

    private static bool Diverged(TrialRecord r) => r.Status == TrialStatus.Diverged;

    /// <summary>"round 2, 1480 trials: r=1 flat-convex m50 38.2 width 6.1% refining; ..." (width: the 95% interval relative to m50; coordinates that vary between lines only).</summary>
    public static string Describe(AdaptivePlan plan, SweepDefinition definition)
    {
        var varying = plan.Lines.SelectMany(l => l.Coordinates.Keys).Distinct()
            .Where(name => plan.Lines.Select(l => l.Coordinates.GetValueOrDefault(name, double.NaN)).Distinct().Count() > 1).ToList();
        var lines = plan.Lines.Select(l =>
        {
            var where = string.Join(",", varying.Select(name => ParameterText.Pair(name, l.Coordinates.GetValueOrDefault(name, double.NaN))));
            var estimate = double.IsNaN(l.Fit.X50) ? "-" : l.Fit.X50.ToString("F1", CultureInfo.InvariantCulture);
            var width = double.IsNaN(l.RelativeWidth) ? "" : " width " + l.RelativeWidth.ToString("P1", CultureInfo.InvariantCulture);
            return $"{where} {l.Method} m50 {estimate}{width} {l.State}".TrimStart();
        });
        var end = plan.Stopped is { } stopped ? $" (stopped: {stopped})" : "";
        return $"round {plan.Round}, {definition.TotalTrials} trials{end}: {string.Join("; ", lines)}";
    }
}
