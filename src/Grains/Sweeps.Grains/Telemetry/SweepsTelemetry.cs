using System.Diagnostics;
using System.Diagnostics.Metrics;
using Sweeps.Grains.Sweeps;

namespace Sweeps.Grains.Telemetry;

/// <summary>
/// The ActivitySource and Meter named "Sweeps" and their instruments. Trace shape (docs/OBSERVABILITY.md):
/// the client's <see cref="SweepSpan"/> roots one trace per submission, which holds the coordinator's
/// <see cref="DispatchSpan"/> (one per run); every dispatched chunk starts its own trace at a
/// <see cref="CellSpan"/> linked to that run span, with one <see cref="TrialSpan"/> per trial under it,
/// so a trace holds at most one chunk of trials however long the sweep.
/// </summary>
public static class SweepsTelemetry
{
    /// <summary>Name of both the ActivitySource and the Meter.</summary>
    public const string Name = "Sweeps";

    public const string SweepSpan = "sweep";
    public const string DispatchSpan = "sweep.dispatch";
    public const string CellSpan = "cell";
    public const string TrialSpan = "trial";

    /// <summary>The spans that may start a trace (every other span of Sweeps or Orleans has one of them as ancestor).</summary>
    public static readonly IReadOnlySet<string> RootSpans = new HashSet<string>([SweepSpan, DispatchSpan, CellSpan]);

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Trials computed and stored on this silo (reused trials are not counted), by problem, method, outcome (status) and success.</summary>
    public static readonly Counter<long> TrialsCompleted =
        Meter.CreateCounter<long>("sweeps.trials.completed", "{trial}", "Trials computed and stored");

    /// <summary>Seconds a trial computed on an executor thread (queue wait excluded), by problem, method and outcome.</summary>
    public static readonly Histogram<double> TrialDuration = Meter.CreateHistogram(
        "sweeps.trial.duration", "s", "Computation time of a trial", tags: null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600] });

    /// <summary>Trials started on this silo and not yet stored: queued or computing.</summary>
    public static readonly UpDownCounter<long> TrialsInFlight =
        Meter.CreateUpDownCounter<long>("sweeps.trials.in_flight", "{trial}", "Trials queued or computing on this silo");

    /// <summary>Trials waiting in this silo's executor queue for a free slot.</summary>
    public static readonly UpDownCounter<long> ExecutorQueueLength =
        Meter.CreateUpDownCounter<long>("sweeps.executor.queue_length", "{trial}", "Trials waiting for an executor slot");

    /// <summary>Sweeps whose coordinator lives on this silo and is running.</summary>
    public static readonly UpDownCounter<long> SweepsActive =
        Meter.CreateUpDownCounter<long>("sweeps.sweeps.active", "{sweep}", "Running sweeps coordinated on this silo");

    /// <summary>Cell x method pairs whose every trial is recorded, by problem and method.</summary>
    public static readonly Counter<long> CellsCompleted =
        Meter.CreateCounter<long>("sweeps.cells.completed", "{cell}", "Cells (x method) with every trial recorded");

    /// <summary>
    /// Records 0 on every counter and gauge, so a new silo's exporters show the Sweeps series at 0
    /// before its first trial (dashboards and alerts work from the start). Call once a meter
    /// provider listens; the duration histogram stays empty until a trial is timed.
    /// </summary>
    public static void PublishZeros()
    {
        TrialsCompleted.Add(0);
        TrialsInFlight.Add(0);
        ExecutorQueueLength.Add(0);
        SweepsActive.Add(0);
        CellsCompleted.Add(0);
    }

    /// <summary>Starts the client's <see cref="SweepSpan"/> of one submission (a trace root unless the caller is traced).</summary>
    public static Activity? StartSweep(SweepDefinition definition) =>
        Source.StartActivity(SweepSpan, ActivityKind.Client)?
            .SetTag(SweepsAttributes.SweepId, definition.SweepId)
            .SetTag(SweepsAttributes.Problem, definition.Problem)
            .SetTag(SweepsAttributes.TotalTrials, definition.TotalTrials);

    /// <summary>Tags a sweep or run span with where the sweep stands; anything but completed is an error status.</summary>
    public static void SetProgress(Activity activity, SweepProgress progress, string? outcome = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(progress);
        activity.SetTag(SweepsAttributes.Status, outcome ?? progress.Status.ToString())
            .SetTag(SweepsAttributes.Done, progress.Done)
            .SetTag(SweepsAttributes.Computed, progress.Computed)
            .SetTag(SweepsAttributes.Reused, progress.Reused)
            .SetTag(SweepsAttributes.Successes, progress.Successes);
        if (progress.Status != SweepStatus.Completed)
            activity.SetStatus(ActivityStatusCode.Error, outcome ?? progress.Status.ToString());
    }
}
