using System.Diagnostics;
using Sweeps.Grains.Sweeps;
using Sweeps.Numerics.Trials;

namespace Sweeps.Grains.Telemetry;

/// <summary>
/// The telemetry of one computed trial: its <see cref="SweepsTelemetry.TrialSpan"/> (a child of the
/// current activity, the Orleans call from its cell), its place in <see cref="SweepsTelemetry.TrialsInFlight"/>
/// from start to dispose, and, once its record is stored, the completed count and duration.
/// </summary>
internal sealed class TrialTelemetry : IDisposable
{
    private readonly Activity? _activity;
    private readonly TrialWork _work;
    private readonly long _created = Stopwatch.GetTimestamp();
    private long _started, _stopped;

    private TrialTelemetry(TrialWork work, int trial, ulong seed)
    {
        _work = work;
        SweepsTelemetry.TrialsInFlight.Add(1, Tag(SweepsAttributes.Problem, work.Problem), Tag(SweepsAttributes.Method, work.Method));
        _activity = SweepsTelemetry.Source.StartActivity(SweepsTelemetry.TrialSpan);
        if (_activity is null)
            return;
        _activity.SetTag(SweepsAttributes.Problem, work.Problem)
            .SetTag(SweepsAttributes.Method, work.Method)
            .SetTag(SweepsAttributes.Cell, work.CellKey)
            .SetTag(SweepsAttributes.Trial, trial)
            .SetTag(SweepsAttributes.Seed, seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (name, value) in work.Parameters)
            _activity.SetTag(SweepsAttributes.CellParameterPrefix + name, value);
    }

    /// <summary>Starts the telemetry of trial <paramref name="trial"/> (seed as a decimal string: OTLP has no unsigned 64-bit integer).</summary>
    public static TrialTelemetry Start(TrialWork work, int trial, ulong seed) => new(work, trial, seed);

    /// <summary>Runs the computation (on an executor thread), timing it apart from its wait in the queue.</summary>
    public T Measure<T>(Func<T> compute)
    {
        _started = Stopwatch.GetTimestamp();
        try
        {
            return compute();
        }
        finally
        {
            _stopped = Stopwatch.GetTimestamp();
        }
    }

    /// <summary>The computation threw (it is recorded as diverged with the exception as reason).</summary>
    public void Threw(Exception error) => _activity?.AddException(error);

    /// <summary>The trial was not completed (silo stopping, store failed): an error span, no completed count.</summary>
    public void Abandoned(string reason) => _activity?.SetStatus(ActivityStatusCode.Error, reason);

    /// <summary>The record is stored: counts the trial, records its duration and tags the span with its outcome.</summary>
    public void Completed(TrialRecord record)
    {
        var problem = Tag(SweepsAttributes.Problem, _work.Problem);
        var method = Tag(SweepsAttributes.Method, _work.Method);
        var outcome = Tag(SweepsAttributes.Outcome, record.Status.ToName());
        SweepsTelemetry.TrialsCompleted.Add(1, problem, method, outcome, Tag(SweepsAttributes.Success, record.Success));
        if (_stopped != 0)
            SweepsTelemetry.TrialDuration.Record(Stopwatch.GetElapsedTime(_started, _stopped).TotalSeconds, problem, method, outcome);
        if (_activity is null)
            return;
        _activity.SetTag(SweepsAttributes.Outcome, record.Status.ToName())
            .SetTag(SweepsAttributes.Success, record.Success)
            .SetTag(SweepsAttributes.RelError, record.RelError)
            .SetTag(SweepsAttributes.Iterations, record.Iterations);
        if (_started != 0)
            _activity.SetTag(SweepsAttributes.QueueSeconds, Stopwatch.GetElapsedTime(_created, _started).TotalSeconds);
        if (record.Status is TrialStatus.Diverged or TrialStatus.InvalidInstance)
            _activity.SetStatus(ActivityStatusCode.Error, record.Reason ?? record.Status.ToName());
    }

    public void Dispose()
    {
        SweepsTelemetry.TrialsInFlight.Add(-1, Tag(SweepsAttributes.Problem, _work.Problem), Tag(SweepsAttributes.Method, _work.Method));
        _activity?.Dispose();
    }

    private static KeyValuePair<string, object?> Tag(string name, object? value) => new(name, value);
}
