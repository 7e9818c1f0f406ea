using System.Diagnostics;
using Sweeps.Grains.Sweeps;

namespace Sweeps.Grains.Telemetry;

/// <summary>
/// The coordinator's telemetry of one run (generation) of a sweep: the long-lived
/// <see cref="SweepsTelemetry.DispatchSpan"/> (a child of the submitting call when it is traced, else a
/// root), one <see cref="SweepsTelemetry.CellSpan"/> per dispatched chunk, each the root of its own
/// trace and linked to the run span, and the run's place in <see cref="SweepsTelemetry.SweepsActive"/>.
/// </summary>
internal sealed class SweepRunTelemetry
{
    private readonly Activity? _activity;
    private bool _ended;

    private SweepRunTelemetry(SweepDefinition definition, int generation, int window)
    {
        SweepsTelemetry.SweepsActive.Add(1);
        var parent = Activity.Current is { Recorded: true } current ? current.Context : default;
        Activity.Current = null;
        _activity = SweepsTelemetry.Source.StartActivity(SweepsTelemetry.DispatchSpan, ActivityKind.Internal, parent);
        _activity?.SetTag(SweepsAttributes.SweepId, definition.SweepId)
            .SetTag(SweepsAttributes.Problem, definition.Problem)
            .SetTag(SweepsAttributes.Generation, generation)
            .SetTag(SweepsAttributes.Window, window)
            .SetTag(SweepsAttributes.TotalTrials, definition.TotalTrials);
    }

    /// <summary>Starts a run; the run span becomes the current activity of the calling async method.</summary>
    public static SweepRunTelemetry Start(SweepDefinition definition, int generation, int window) => new(definition, generation, window);

    /// <summary>
    /// Starts the span of one dispatched chunk as a new trace linked to the run span, so that a
    /// dispatch caused by a cell's progress report does not join that cell's trace. Call it from the
    /// async method that dispatches: it clears that method's current activity.
    /// </summary>
    public Activity? StartCell(CellWork chunk)
    {
        Activity.Current = null;
        var links = _activity is null ? null : new[] { new ActivityLink(_activity.Context) };
        var activity = SweepsTelemetry.Source.StartActivity(SweepsTelemetry.CellSpan, ActivityKind.Producer, default(ActivityContext), links: links);
        if (activity is null)
            return null;
        activity.SetTag(SweepsAttributes.SweepId, chunk.SweepId)
            .SetTag(SweepsAttributes.Problem, chunk.Trial.Problem)
            .SetTag(SweepsAttributes.Method, chunk.Trial.Method)
            .SetTag(SweepsAttributes.Cell, chunk.Trial.CellKey)
            .SetTag(SweepsAttributes.Generation, chunk.Generation)
            .SetTag(SweepsAttributes.FirstTrial, chunk.FirstTrial)
            .SetTag(SweepsAttributes.TrialCount, chunk.Count);
        foreach (var (name, value) in chunk.Trial.Parameters)
            activity.SetTag(SweepsAttributes.CellParameterPrefix + name, value);
        return activity;
    }

    /// <summary>Ends the run span with the run's outcome (once; later calls do nothing).</summary>
    public void End(string outcome, SweepProgress progress)
    {
        if (_ended)
            return;
        _ended = true;
        SweepsTelemetry.SweepsActive.Add(-1);
        if (_activity is null)
            return;
        SweepsTelemetry.SetProgress(_activity, progress, outcome);
        _activity.Stop();
    }
}
