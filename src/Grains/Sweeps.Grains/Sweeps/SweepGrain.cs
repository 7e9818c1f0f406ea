using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sweeps.Grains.Execution;
using Sweeps.Grains.Resilience;
using Sweeps.Grains.Telemetry;

namespace Sweeps.Grains.Sweeps;

/// <summary>
/// The coordinator of one sweep. A run (generation) walks the work list cell-major and dispatches
/// chunks to cell grains without awaiting them inside its turn, keeping at most the window in
/// flight; cells report finished trials in batches, which free window slots. Only counters are
/// held. A new run starts on Start of a new definition, on resume after a cancel or a restart,
/// and when trials in flight stall: every run re-dispatches the whole work list, and trials
/// already stored count as reused without being recomputed. A silo declared dead also starts a new
/// run at once (its trials in flight are lost), and in cluster mode a durable reminder re-activates
/// a running sweep whose coordinator died with its silo.
/// </summary>
[GrainType(GrainTypeName)]
public sealed class SweepGrain(
    [PersistentState("sweep", SweepsEngineOptions.StorageName)] IPersistentState<SweepGrainState> state,
    IClusterMembershipService membership,
    TrialExecutor executor,
    IOptions<SweepsEngineOptions> options,
    TimeProvider time,
    ILogger<SweepGrain> logger) : Grain, ISweepGrain, ISweepProgressSink, IRemindable
{
    /// <summary>The stored grain type (Orleans' name for this class before types were pinned): keys in storage depend on it, never on the class name.</summary>
    public const string GrainTypeName = "sweep";

    private const string ResumeReminder = "resume";
    private SweepRun? _run;
    private SweepRunTelemetry? _telemetry;
    private IGrainTimer? _watchdog;
    private HashSet<SiloAddress> _deadSilos = [];
    private readonly CellChangeLog _changes = new();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Status == SweepStatus.Running && state.State.Definition is not null)
            await BeginRunAsync("resumed");
    }

    public async Task<SweepProgress> Start(SweepDefinition definition)
    {
        var errors = SweepDefinitions.Validate(definition, this.GetPrimaryKeyString());
        if (errors.Count > 0)
            throw new ArgumentException(string.Join(Environment.NewLine, errors), nameof(definition));
        var fingerprint = SweepDefinitions.Fingerprint(definition);
        var s = state.State;
        logger.LogInformation("Sweep {SweepId} submitted: {Cells} cells x {Methods} methods x {Trials} trials",
            definition.SweepId, definition.Cells.Length, definition.Methods.Length, definition.Trials);
        if (s.Definition is not null)
        {
            if (SweepDefinitions.Incompatibility(s.Definition, definition) is { } reason)
                throw new ArgumentException(reason, nameof(definition));
            var attach = s.Fingerprint == fingerprint &&
                         (s.Status == SweepStatus.Completed || (s.Status == SweepStatus.Running && _run is not null));
            if (attach)
                return Progress();
        }
        var resumed = s.Fingerprint == fingerprint;
        (s.Definition, s.Fingerprint, s.Status) = (definition, fingerprint, SweepStatus.Running);
        await BeginRunAsync(resumed ? "resumed" : "started");
        return Progress();
    }

    public Task<SweepProgress> GetProgress() => Task.FromResult(Progress());

    public Task<SweepDefinition?> GetDefinition() => Task.FromResult(state.State.Definition);

    public async Task<SweepProgress> Cancel()
    {
        if (state.State.Status == SweepStatus.Running)
            await FinishAsync(SweepStatus.Cancelled);
        return Progress();
    }

    public Task<CellChanges> GetCellChanges(string epoch, long version) => Task.FromResult(_changes.Since(epoch, version));

    public async Task ReportProgress(CellProgress progress)
    {
        if (progress.CellKey is { } cellKey)
            _changes.Touch(cellKey, progress.Method);
        if (_run is not { } run || progress.Generation != run.Generation)
            return;
        run.Add(progress);
        if (run.IsComplete)
            await FinishAsync(SweepStatus.Completed);
        else
            FillWindow(run);
    }

    /// <summary>Starts a new run; <paramref name="lifecycle"/> (started, resumed, re-dispatched) names it in the log.</summary>
    private async Task BeginRunAsync(string lifecycle)
    {
        var s = state.State;
        s.Generation++;
        (s.StartedAt, s.FinishedAt, s.Final) = (DateTimeOffset.UtcNow, null, null);
        await WriteStateAsync();
        if (options.Value.ResumeReminderPeriod is { } period)
            await this.RegisterOrUpdateReminder(ResumeReminder, period, period);
        _deadSilos = DeadSilos();
        if (_run is not null)
            _telemetry?.End("superseded", Progress());
        _run = new SweepRun(s.Definition!, s.Generation, Window(), time);
        _telemetry = SweepRunTelemetry.Start(s.Definition!, s.Generation, _run.Window);
        logger.LogInformation("Sweep {SweepId} {Lifecycle}: run {Generation}, {TotalTrials} trials, window {Window}",
            s.Definition!.SweepId, lifecycle, s.Generation, s.Definition.TotalTrials, _run.Window);
        _watchdog ??= this.RegisterGrainTimer(CheckStallAsync, new GrainTimerCreationOptions
        {
            DueTime = StallCheckPeriod, Period = StallCheckPeriod, KeepAlive = true,
        });
        FillWindow(_run);
    }

    /// <summary>
    /// Chunks are at most a quarter of the window, so that several cells are in flight: a cell reports
    /// only when its chunk is done (or every flush interval), and with one chunk filling the window the
    /// executors would drain and idle at every chunk boundary.
    /// </summary>
    private void FillWindow(SweepRun run)
    {
        var chunkSize = Math.Clamp(run.Window / ChunksInFlight, 1, options.Value.ChunkSize);
        while (run.NextChunk(chunkSize) is { } chunk)
            _ = DispatchAsync(chunk, _telemetry);
    }

    private const int ChunksInFlight = 4;

    /// <summary>
    /// Not awaited in the coordinator's turn: a cell may be calling back with progress meanwhile.
    /// A failed dispatch (a silo died, an activation was moving) is sent again with back-off; cells
    /// count each trial once per run however often it arrives.
    /// </summary>
    private async Task DispatchAsync(CellWork chunk, SweepRunTelemetry? telemetry)
    {
        using var activity = telemetry?.StartCell(chunk);
        var cell = GrainFactory.GetGrain<ICellGrain>(GrainKeys.Cell(chunk.SweepId, chunk.Trial.CellKey, chunk.Trial.Method));
        try
        {
            // A retry is pointless once a newer run has superseded this chunk's.
            await DispatchBackoff.RunAsync(() => cell.Dispatch(chunk), _ => _run?.Generation == chunk.Generation, time, (attempt, e, _) =>
                logger.LogWarning("Dispatch of {Count} trials of {Cell}/{Method} failed (attempt {Attempt}: {Error}); retrying",
                    chunk.Count, chunk.Trial.CellKey, chunk.Trial.Method, attempt, e.Message));
        }
        catch (Exception e)
        {
            // Its trials stay in flight; the stall check starts a new run if they never report.
            activity?.AddException(e).SetStatus(System.Diagnostics.ActivityStatusCode.Error, e.Message);
            logger.LogWarning(e, "Dispatch of {Count} trials of {Cell}/{Method} failed", chunk.Count, chunk.Trial.CellKey, chunk.Trial.Method);
        }
    }

    /// <summary>Five attempts, 1, 2, 4 and 8 s apart.</summary>
    private static readonly Backoff DispatchBackoff = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8), MaxAttempts: 5);

    private async Task CheckStallAsync(CancellationToken cancellation)
    {
        if (_run is not { } run || state.State.Status != SweepStatus.Running)
            return;
        var lost = DeadSilos().Except(_deadSilos).ToList();
        if (lost.Count > 0)
        {
            logger.LogWarning("Sweep {Sweep}: silo {Silos} left the cluster; re-dispatching as a new run", this.GetPrimaryKeyString(), string.Join(", ", lost));
            await BeginRunAsync("re-dispatched");
        }
        else if (run.IsStalled(options.Value.StallTimeout))
        {
            logger.LogWarning("Sweep {Sweep}: no progress for {Timeout}; re-dispatching as a new run", this.GetPrimaryKeyString(), options.Value.StallTimeout);
            await BeginRunAsync("re-dispatched");
        }
    }

    /// <summary>The reminder only has to wake the grain: activation resumes a running sweep. A finished sweep drops it.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.Status != SweepStatus.Running)
            await UnregisterResumeReminderAsync();
    }

    private async Task UnregisterResumeReminderAsync()
    {
        if (options.Value.ResumeReminderPeriod is null)
            return;
        try
        {
            if (await this.GetReminder(ResumeReminder) is { } reminder)
                await this.UnregisterReminder(reminder);
        }
        catch (Exception e)
        {
            // A leftover reminder is harmless: its next tick finds the sweep finished and retries.
            logger.LogWarning(e, "Sweep {Sweep}: could not remove its resume reminder", this.GetPrimaryKeyString());
        }
    }

    private HashSet<SiloAddress> DeadSilos() =>
        membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Dead).Select(m => m.SiloAddress).ToHashSet();

    private Task WriteStateAsync() => StorageRetry.WriteAsync(() => state.WriteStateAsync(), options.Value, logger, this.GetPrimaryKeyString(), time);

    private async Task FinishAsync(SweepStatus status)
    {
        var s = state.State;
        (s.Status, s.FinishedAt) = (status, DateTimeOffset.UtcNow);
        s.Final = Progress();
        var lifecycle = status == SweepStatus.Completed ? "completed" : "cancelled";
        _telemetry?.End(lifecycle, s.Final);
        _telemetry = null;
        logger.LogInformation("Sweep {SweepId} {Lifecycle}: {Done}/{Total} trials done, {Computed} computed, {Reused} reused, {Successes} successes, {Diverged} diverged",
            s.Final.SweepId, lifecycle, s.Final.Done, s.Final.Total, s.Final.Computed,
            s.Final.Reused, s.Final.Successes, s.Final.Diverged);
        _run = null;
        _watchdog?.Dispose();
        _watchdog = null;
        await WriteStateAsync();
        await UnregisterResumeReminderAsync();
    }

    private SweepProgress Progress()
    {
        var s = state.State;
        if (_run is { } run)
            return run.Progress(s.Status, s.StartedAt, s.FinishedAt);
        return s.Final ?? new SweepProgress(
            this.GetPrimaryKeyString(), s.Status, s.Definition?.TotalTrials ?? 0, 0, 0, 0, 0, 0, [], s.StartedAt, s.FinishedAt);
    }

    /// <summary>The in-flight window: fixed, or WindowPerSlot x this silo's slots x active silos (silos are configured alike).</summary>
    private int Window()
    {
        if (options.Value.Window is { } fixedWindow)
            return fixedWindow;
        var silos = membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
        return options.Value.WindowPerSlot * executor.Slots * Math.Max(1, silos);
    }

    private TimeSpan StallCheckPeriod => TimeSpan.FromTicks(Math.Clamp(options.Value.StallTimeout.Ticks / 4, TimeSpan.TicksPerSecond, 5 * TimeSpan.TicksPerSecond));
}
