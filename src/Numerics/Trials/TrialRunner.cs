using System.Diagnostics;
using Sweeps.Numerics.External;

namespace Sweeps.Numerics.Trials;

/// <summary>
/// Runs one trial: a pure function of its <see cref="TrialParameters"/> (wall time aside).
/// Samples the instance from the trial seed, lets the method pick a minimizer and measures it.
/// A hard or invalid instance becomes a status with a reason, never an exception; only
/// cancellation and invalid parameters (which validation rejects first) throw.
/// </summary>
public static class TrialRunner
{
    public static TrialResult Run(TrialParameters parameters, CancellationToken cancellation = default)
    {
        // A process without the plugin (or with another build) refuses, before its catalogs are asked for the names.
        if (parameters.Plugins is { Count: > 0 } plugins && Plugins.PluginRegistry.Refusal(plugins) is { } refusal)
            return Unmeasured(TrialStatus.MethodError, refusal, Stopwatch.StartNew());
        var errors = TrialValidation.Validate(parameters);
        if (errors.Count > 0)
            throw new ArgumentException(string.Join(Environment.NewLine, errors), nameof(parameters));

        var clock = Stopwatch.StartNew();
        if (parameters.ExternalProblem is { } external)
            return ExternalProblem.Run(external, parameters, clock, cancellation);
        var seed = new TrialSeed(parameters.Seed);
        IFactorizedProblem problem;
        try
        {
            problem = Catalogs.Problems.Get(parameters.Problem).Sample(parameters, seed);
        }
        catch (InvalidInstanceException e)
        {
            return Unmeasured(TrialStatus.InvalidInstance, e.Message, clock);
        }

        Solution solution;
        try
        {
            var method = parameters.External is { } command ? new ExternalMethod(command, parameters) : Catalogs.Methods.Get(parameters.Method);
            solution = method.Solve(problem, parameters.MethodParameters, seed, cancellation);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (InvalidInstanceException e)
        {
            // The method cannot be posed on this instance (a singular flat weight, say).
            return Unmeasured(TrialStatus.InvalidInstance, $"{parameters.Method}: {e.Message}", clock);
        }
        catch (Exception e)
        {
            // A numerical library failure (a non-convergent decomposition, say) ends the trial, not the sweep.
            return Unmeasured(TrialStatus.Diverged, $"{e.GetType().Name}: {e.Message}", clock);
        }

        return Measure(problem, solution, parameters, clock);
    }

    private static TrialResult Measure(IFactorizedProblem problem, Solution solution, TrialParameters parameters, Stopwatch clock)
    {
        var theta = solution.Theta;
        var finite = LinearAlgebra.Kernels.AllFinite(theta);
        // Non-finite factors are a divergence, unless the method already says why it has no answer (method-error, timeout).
        var status = finite || solution.Status is not (TrialStatus.Converged or TrialStatus.IterationLimit) ? solution.Status : TrialStatus.Diverged;
        var reason = finite ? solution.Reason : solution.Reason ?? "non-finite factors";
        var metrics = finite ? problem.Evaluate(theta) : new PointMetrics(double.NaN, 0, double.NaN, []);
        var success = status != TrialStatus.Diverged && parameters.Success.IsSuccess(metrics.RelError, parameters.NoiseLevel);
        return new TrialResult
        {
            Status = status,
            Reason = reason,
            RelError = metrics.RelError,
            Success = success,
            Loss = finite ? problem.Loss(theta) : double.NaN,
            HessianTrace = finite ? problem.HessianTrace(theta) : double.NaN,
            FlatTraceAtTruth = problem.FlatTraceAtTruth,
            BalanceGap = metrics.BalanceGap,
            Rank = metrics.Rank,
            Iterations = solution.Iterations,
            Seconds = clock.Elapsed.TotalSeconds,
            Extras = metrics.Extras,
            DualityGap = solution.Certificate?.DualityGap ?? double.NaN,
            Certified = solution.Certificate?.Certified,
        };
    }

    internal static TrialResult Unmeasured(TrialStatus status, string reason, Stopwatch clock) => new()
    {
        Status = status,
        Reason = reason,
        RelError = double.NaN,
        Success = false,
        Loss = double.NaN,
        HessianTrace = double.NaN,
        FlatTraceAtTruth = double.NaN,
        BalanceGap = double.NaN,
        Rank = 0,
        Iterations = 0,
        Seconds = clock.Elapsed.TotalSeconds,
    };
}
