using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sweeps.Grains.Placement;
using Sweeps.Grains.Execution;
using Sweeps.Grains.Telemetry;
using Sweeps.Numerics.Random;
using Sweeps.Numerics.Trials;

namespace Sweeps.Grains.Sweeps;

/// <summary>
/// One trial. Run returns at once (start-then-report); the computation runs on the silo's
/// <see cref="TrialExecutor"/>, the record is written to storage and only after that commit
/// reported to the cell (a failed write is retried with back-off; see <see cref="StorageRetry"/>). Placed round robin so trials spread evenly over the silos; deactivates
/// once its record is reported.
/// </summary>
[RoundRobinPlacement]
[GrainType(GrainTypeName)]
public sealed class TrialGrain(
    [PersistentState("trial", SweepsEngineOptions.StorageName)] IPersistentState<TrialGrainState> state,
    TrialExecutor executor,
    ITrialEvaluator evaluator,
    IOptions<SweepsEngineOptions> options,
    TimeProvider time,
    ILogger<TrialGrain> logger) : Grain, ITrialGrain
{
    /// <summary>The stored grain type (see <see cref="SweepGrain.GrainTypeName"/>).</summary>
    public const string GrainTypeName = "trial";

    private bool _running;

    public Task Run(TrialWork work, int trial, ICellGrain cell)
    {
        if (state.State.Record is { } stored)
            _ = ReportAsync(stored, computed: false, cell);
        else if (!_running)
        {
            _running = true;
            DelayDeactivation(Timeout.InfiniteTimeSpan);
            _ = ComputeAsync(work, trial, cell);
        }
        return Task.CompletedTask;
    }

    public Task<TrialRecord?> GetRecord() => Task.FromResult(state.State.Record);

    private async Task ComputeAsync(TrialWork work, int trial, ICellGrain cell)
    {
        var seed = TrialSeed.Derive(work.SweepSeed, work.Parameters, trial).Value;
        var clock = Stopwatch.StartNew();
        using var telemetry = TrialTelemetry.Start(work, trial, seed);
        TrialRecord record;
        try
        {
            var parameters = ParameterNames.ToTrialParameters(
                work.Problem, work.MethodName, work.RunParameters, new SuccessCriterion(work.Tolerance, work.RelativeToNoise), seed) with
            {
                External = work.Variant?.Command?.ToExternal(),
                Plugins = [.. work.Plugins.Select(p => p.ToIdentity())],
                ExternalProblem = work.ProblemCommand?.ToExternal(),
            };
            var result = await executor.Run(cancellation => telemetry.Measure(() => evaluator.Evaluate(parameters, cancellation)));
            record = TrialRecords.From(work, trial, seed, result);
        }
        catch (OperationCanceledException)
        {
            // The silo is stopping: the trial is not done; a later run computes it.
            telemetry.Abandoned("cancelled: the silo is stopping");
            _running = false;
            DeactivateOnIdle();
            return;
        }
        catch (Exception e)
        {
            telemetry.Threw(e);
            record = TrialRecords.Failed(work, trial, seed, e, clock.Elapsed.TotalSeconds);
        }

        try
        {
            state.State.Record = record;
            await StorageRetry.WriteAsync(() => state.WriteStateAsync(), options.Value, logger, this.GetPrimaryKeyString(), time);
        }
        catch (Exception e)
        {
            // Not committed, so not acknowledged: the coordinator's stall check re-dispatches it.
            state.State.Record = null;
            logger.LogError(e, "Trial {Trial} could not be stored", this.GetPrimaryKeyString());
            telemetry.Abandoned("the record could not be stored");
            _running = false;
            DeactivateOnIdle();
            return;
        }
        _running = false;
        telemetry.Completed(record);
        await ReportAsync(record, computed: true, cell);
    }

    private async Task ReportAsync(TrialRecord record, bool computed, ICellGrain cell)
    {
        try
        {
            await cell.Report(record, computed);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Trial {Trial} could not report to its cell", this.GetPrimaryKeyString());
        }
        finally
        {
            DeactivateOnIdle();
        }
    }
}
