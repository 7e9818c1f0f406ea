using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sweeps.Grains.Telemetry;
using Sweeps.Numerics.Trials;

namespace Sweeps.Grains.Sweeps;

/// <summary>
/// One cell x method: the middle stage of trial -> cell -> sweep. It starts the trials of each
/// dispatched chunk, records each trial once (by index), and reports finished trials to the
/// coordinator in batches: when all its dispatched trials are done, or at most every
/// <see cref="SweepsEngineOptions.FlushInterval"/>. Every reported record is already durable in its
/// trial grain, so the cell persists its own copy (the whole state: O(records) bytes) at most once per
/// FlushInterval, when it holds all its trials, and when it deactivates, not at every batch: rewriting
/// it after each chunk made a cell of T trials write O(T^2) bytes. Counting is per run (generation): a trial counts once per run,
/// as reused if its record existed when the run dispatched it, however often the run re-sends it.
/// </summary>
[GrainType(GrainTypeName)]
public sealed class CellGrain(
    [PersistentState("cell", SweepsEngineOptions.StorageName)] IPersistentState<CellGrainState> state,
    IOptions<SweepsEngineOptions> options,
    TimeProvider time,
    ILogger<CellGrain> logger) : Grain, ICellGrain
{
    /// <summary>The stored grain type (see <see cref="SweepGrain.GrainTypeName"/>).</summary>
    public const string GrainTypeName = "cell";

    private readonly HashSet<int> _pending = [];
    private readonly HashSet<int> _dispatched = [];
    private int _generation;
    private string? _sweepId;
    private string _method = "";
    private string _cellKey = "";
    private int _totalTrials;
    private bool _lastChunkSeen;
    private int _done, _computed, _successes, _diverged;
    private bool _dirty;
    private long _lastFlush = time.GetTimestamp();
    private long _lastPersist = time.GetTimestamp();

    public async Task Dispatch(CellWork work)
    {
        if (work.Generation < _generation)
            return;
        if (work.Generation > _generation)
        {
            _generation = work.Generation;
            _pending.Clear();
            _lastChunkSeen = false;
            _dispatched.Clear();
            (_done, _computed, _successes, _diverged) = (0, 0, 0, 0);
        }
        // Chunks of a cell arrive in trial order; deactivating before the last one would make the
        // coordinator's next Dispatch chase a deactivating grain (a resume reuses chunks instantly).
        _lastChunkSeen |= work.FirstTrial + work.Count >= work.TotalTrials;
        (_sweepId, _method, _cellKey, _totalTrials) = (work.SweepId, work.Trial.Method, work.Trial.CellKey, work.TotalTrials);

        var starts = new List<Task>();
        for (var trial = work.FirstTrial; trial < work.FirstTrial + work.Count; trial++)
        {
            if (!_dispatched.Add(trial))
                continue;
            if (state.State.Records.TryGetValue(trial, out var record))
                Count(record, computed: false);
            else if (_pending.Add(trial))
                starts.Add(StartAsync(trial, work.Trial));
        }
        await Task.WhenAll(starts);
        await FlushIfDue();
    }

    /// <summary>A trial that could not be started (its silo died) is forgotten, so the coordinator's retry of the chunk sends it again.</summary>
    private async Task StartAsync(int trial, TrialWork work)
    {
        try
        {
            // Read by the placement of a new trial activation (scoped to this async method's call).
            if (Placement.PluginPlacement.Needed(work) is { } plugins)
                RequestContext.Set(Placement.PluginPlacement.Key, plugins);
            await GrainFactory.GetGrain<ITrialGrain>(GrainKeys.Trial(this.GetPrimaryKeyString(), trial)).Run(work, trial, this.AsReference<ICellGrain>());
        }
        catch
        {
            _pending.Remove(trial);
            _dispatched.Remove(trial);
            throw;
        }
    }

    public async Task Report(TrialRecord record, bool computed)
    {
        if (!state.State.Records.TryAdd(record.Trial, record))
            return;
        _dirty = true;
        if (state.State.Records.Count == _totalTrials)
            SweepsTelemetry.CellsCompleted.Add(1, new KeyValuePair<string, object?>(SweepsAttributes.Method, _method));
        if (_pending.Remove(record.Trial))
            Count(record, computed);
        await FlushIfDue();
    }

    /// <summary>Records reported outside any batch (from an older run) are stored before the cell goes.</summary>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_dirty)
            await StorageRetry.WriteAsync(() => state.WriteStateAsync(cancellationToken), options.Value, logger, this.GetPrimaryKeyString(), time, cancellationToken);
    }

    public Task<ImmutableArray<TrialRecord>> GetRecords() =>
        Task.FromResult(state.State.Records.Values.OrderBy(r => r.Trial).ToImmutableArray());

    public Task<ImmutableArray<TrialRecord>> GetRecords(int fromTrial, int maxCount) =>
        Task.FromResult(state.State.Records.Values.Where(r => r.Trial >= fromTrial).OrderBy(r => r.Trial).Take(Math.Max(0, maxCount)).ToImmutableArray());

    private void Count(TrialRecord record, bool computed)
    {
        _done++;
        _computed += computed ? 1 : 0;
        _successes += record.Success ? 1 : 0;
        _diverged += record.Status == TrialStatus.Diverged ? 1 : 0;
    }

    private async Task FlushIfDue()
    {
        if (_done == 0 || _sweepId is null)
            return;
        if (_pending.Count > 0 && time.GetElapsedTime(_lastFlush) < options.Value.FlushInterval)
            return;
        var complete = state.State.Records.Count >= _totalTrials;
        if (_dirty && (complete || time.GetElapsedTime(_lastPersist) >= options.Value.FlushInterval))
        {
            await StorageRetry.WriteAsync(() => state.WriteStateAsync(), options.Value, logger, this.GetPrimaryKeyString(), time);
            _dirty = false;
            _lastPersist = time.GetTimestamp();
        }
        var batch = new CellProgress(_generation, _method, _done, _computed, _successes, _diverged, _cellKey);
        (_done, _computed, _successes, _diverged) = (0, 0, 0, 0);
        _lastFlush = time.GetTimestamp();
        await GrainFactory.GetGrain<ISweepProgressSink>(_sweepId).ReportProgress(batch);
        if (_lastChunkSeen && _pending.Count == 0 && complete)
            DeactivateOnIdle();
    }
}
