using System.Runtime.CompilerServices;
using OpenTelemetry;
using Sweeps.Grains.Resilience;
using Sweeps.Grains.Sweeps;
using Sweeps.Grains.Telemetry;

namespace Sweeps.Hosting;

/// <summary>Client-side use of a sweep: submit a definition, follow its progress, read its records back.</summary>
public static class SweepClient
{
    /// <summary>
    /// Starts the sweep, or attaches to it (see <see cref="ISweepGrain.Start"/>; idempotent, so a failed call is retried as
    /// polls are, within <paramref name="tolerateFailuresFor"/>: a client attaching while the sweep's silo is dead waits for
    /// the cluster to heal instead of giving up).
    /// </summary>
    public static Task<SweepProgress> SubmitAsync(
        this IGrainFactory grains, SweepDefinition definition, TimeSpan? tolerateFailuresFor = null, CancellationToken cancellation = default) =>
        RetryAsync(() => grains.GetGrain<ISweepGrain>(definition.SweepId).Start(definition), tolerateFailuresFor ?? TimeSpan.Zero, cancellation);

    /// <summary>Records the spec text under the sweep's id in the registry (idempotent; retried like <see cref="SubmitAsync"/>).</summary>
    public static Task RegisterAsync(
        this IGrainFactory grains, string sweepId, string specText, TimeSpan? tolerateFailuresFor = null, CancellationToken cancellation = default) =>
        RetryAsync(async () =>
        {
            await grains.GetGrain<ISweepRegistryGrain>(GrainKeys.Registry).Register(sweepId, specText);
            return true;
        }, tolerateFailuresFor ?? TimeSpan.Zero, cancellation);

    /// <summary>
    /// Polls the sweep's progress every <paramref name="interval"/> until it is completed or cancelled
    /// (the last item is final). With <paramref name="tolerateFailuresFor"/> a failed poll (a silo
    /// died, the gateway changed) is retried until that long has passed without an answer.
    /// Polls are not traced: they would make a long sweep's trace unbounded.
    /// </summary>
    public static async IAsyncEnumerable<SweepProgress> FollowAsync(
        this IGrainFactory grains, string sweepId, TimeSpan interval, TimeSpan? tolerateFailuresFor = null,
        [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        var sweep = grains.GetGrain<ISweepGrain>(sweepId);
        while (true)
        {
            SweepProgress progress;
            using (SuppressInstrumentationScope.Begin())
                progress = await PollAsync(sweep, tolerateFailuresFor ?? TimeSpan.Zero, cancellation);
            yield return progress;
            if (progress.IsFinal || progress.Status == SweepStatus.NotStarted)
                yield break;
            await Task.Delay(interval, cancellation);
        }
    }

    private static Task<SweepProgress> PollAsync(ISweepGrain sweep, TimeSpan tolerance, CancellationToken cancellation) =>
        RetryAsync(sweep.GetProgress, tolerance, cancellation);

    /// <summary>
    /// Calls <paramref name="call"/> until it answers; a failure (a silo died or is stopping, the gateway
    /// changed) is retried every second until <paramref name="tolerance"/> has passed, then thrown. An
    /// ArgumentException is the sweep's answer (a definition it refuses), never retried.
    /// </summary>
    private static Task<T> RetryAsync<T>(Func<Task<T>> call, TimeSpan tolerance, CancellationToken cancellation) =>
        new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), Factor: 1, Budget: tolerance)
            .RunAsync(() => call().WaitAsync(cancellation), e => e is not ArgumentException, TimeProvider.System, cancellation: cancellation);

    /// <summary>Submits and follows until final, reporting each snapshot; returns the final one. Traced as the sweep's root span.</summary>
    public static async Task<SweepProgress> RunAsync(
        this IGrainFactory grains, SweepDefinition definition, IProgress<SweepProgress>? progress = null,
        TimeSpan? interval = null, TimeSpan? tolerateFailuresFor = null, CancellationToken cancellation = default)
    {
        using var activity = SweepsTelemetry.StartSweep(definition);
        try
        {
            var last = await grains.SubmitAsync(definition, tolerateFailuresFor, cancellation);
            await foreach (var snapshot in grains.FollowAsync(definition.SweepId, interval ?? TimeSpan.FromMilliseconds(200), tolerateFailuresFor, cancellation))
            {
                progress?.Report(snapshot);
                last = snapshot;
            }
            if (activity is not null)
                SweepsTelemetry.SetProgress(activity, last);
            return last;
        }
        catch (Exception e) when (activity is not null)
        {
            activity.AddException(e).SetStatus(System.Diagnostics.ActivityStatusCode.Error, e is OperationCanceledException ? "stopped by the client" : e.Message);
            throw;
        }
    }

    /// <summary>
    /// Every stored record of the sweep's current definition, one page per cell x method, in cell
    /// order (<see cref="CellDefinition.Index"/>), then method order, then trial. With
    /// <paramref name="tolerateFailuresFor"/> each call is retried as progress polls are (a cluster whose
    /// silos are restarting right after the sweep finished).
    /// </summary>
    public static async IAsyncEnumerable<TrialRecord> ReadRecordsAsync(
        this IGrainFactory grains, string sweepId, TimeSpan? tolerateFailuresFor = null,
        [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        var definition = await RetryAsync(grains.GetGrain<ISweepGrain>(sweepId).GetDefinition, tolerateFailuresFor ?? TimeSpan.Zero, cancellation)
                         ?? throw new InvalidOperationException($"Sweep '{sweepId}' was never started.");
        await foreach (var record in grains.ReadRecordsAsync(definition, tolerateFailuresFor, cancellation))
            yield return record;
    }

    /// <summary>
    /// The stored records of <paramref name="definition"/>'s trials (each cell's first <see cref="SweepDefinition.TrialsOf"/>),
    /// in the same order, whether or not it is the sweep's current definition (an adaptive run reads a round's results this way).
    /// </summary>
    public static async IAsyncEnumerable<TrialRecord> ReadRecordsAsync(
        this IGrainFactory grains, SweepDefinition definition, TimeSpan? tolerateFailuresFor = null,
        [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        var tolerance = tolerateFailuresFor ?? TimeSpan.Zero;
        foreach (var cell in definition.Cells.OrderBy(c => c.Index))
        {
            var trials = definition.TrialsOf(cell);
            foreach (var method in definition.Methods)
            {
                cancellation.ThrowIfCancellationRequested();
                var page = await RetryAsync(grains.GetGrain<ICellGrain>(GrainKeys.Cell(definition.SweepId, cell.Key, method)).GetRecords, tolerance, cancellation);
                foreach (var record in page.Where(r => r.Trial < trials))
                    yield return record;
            }
        }
    }
}
