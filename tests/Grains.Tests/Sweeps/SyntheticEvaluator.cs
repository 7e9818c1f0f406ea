using System.Collections.Concurrent;
using Sweeps.Grains.Execution;
using Sweeps.Numerics.Random;
using Sweeps.Numerics.Trials;

namespace Sweeps.Grains.Tests.Sweeps;

/// <summary>
/// A stand-in for the numerical core whose result is a known function of the trial's parameters and
/// seed (so tests can recompute it independently), which counts its evaluations per seed on its silo,
/// and which throws for odd seeds of <see cref="FailingMethod"/>.
/// </summary>
internal sealed class SyntheticEvaluator(TimeSpan delay) : ITrialEvaluator
{
    public const string FailingMethod = "fails-on-odd-seeds";

    public ConcurrentDictionary<(ulong Seed, string Method), int> Evaluations { get; } = new();

    public TrialResult Evaluate(TrialParameters parameters, CancellationToken cancellation)
    {
        Evaluations.AddOrUpdate((parameters.Seed, parameters.Method), 1, (_, n) => n + 1);
        if (delay > TimeSpan.Zero && cancellation.WaitHandle.WaitOne(delay))
            cancellation.ThrowIfCancellationRequested();
        return Expected(parameters);
    }

    public static bool Fails(TrialParameters parameters) => parameters.Method == FailingMethod && parameters.Seed % 2 == 1;

    public static TrialResult Expected(TrialParameters parameters)
    {
        if (Fails(parameters))
            throw new InvalidOperationException($"synthetic failure of seed {parameters.Seed}");
        var stream = new TrialSeed(parameters.Seed).Stream(StreamPurpose.Truth);
        var error = stream.NextDouble() * 100.0 / parameters.M!.Value;
        return new TrialResult
        {
            Status = error < 1 ? TrialStatus.Converged : TrialStatus.IterationLimit,
            RelError = error,
            Success = parameters.Success.IsSuccess(error, parameters.Noise),
            Loss = error * error,
            HessianTrace = stream.NextNormal(),
            FlatTraceAtTruth = parameters.D1 * parameters.R,
            BalanceGap = stream.NextDouble(),
            Rank = parameters.R,
            Iterations = stream.NextInt(1000),
            Seconds = 0,
            Extras = [new("m_over_d", parameters.M.Value / (double)parameters.D1)],
        };
    }
}
