using Sweeps.Numerics.Problems;
using Sweeps.Numerics.Random;
using static Sweeps.Numerics.Tests.Problems.Sensing.SensingInstances;

namespace Sweeps.Numerics.Tests.Problems.Sensing;

/// <summary>Hutchinson's estimate against the exact trace, with a tolerance from the estimator's own variance.</summary>
public sealed class HutchinsonTraceTests
{
    private const int Probes = 2000;

    public static TheoryData<string> Kinds => new() { "general", "symmetric" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Estimate_is_within_four_standard_errors_of_the_exact_trace(string kind)
    {
        IFactorizedProblem problem = kind == "general" ? General(15, 15, 2, 15, m: 100, seed: 21, noise: 0.05) : Symmetric(15, 2, 15, m: 60, seed: 21, noise: 0.05);
        var theta = RandomPoint(problem, 8);
        var exact = problem.HessianTrace(theta);

        // A Rademacher probe has Var(z^T H z) = 2 (||H||_F^2 - sum_j H_jj^2).
        var hessian = FiniteDifferenceHessian(problem, theta);
        var variance = 0.0;
        for (var i = 0; i < theta.Length; i++)
            for (var j = 0; j < theta.Length; j++)
                if (i != j) variance += 2 * hessian[i, j] * hessian[i, j];
        var tolerance = 4 * Math.Sqrt(variance / Probes);
        Assert.True(tolerance < 0.05 * exact, $"tolerance {tolerance} is not a few percent of {exact}");

        var estimate = HutchinsonTrace.Estimate(problem, theta, new TrialSeed(99), Probes);
        Assert.True(Math.Abs(estimate - exact) < tolerance, $"estimate {estimate}, exact {exact}, tolerance {tolerance}");
    }

    [Fact]
    public void More_probes_extend_the_same_probe_sequence()
    {
        var problem = Symmetric(5, 1, 3, m: 8, seed: 2);
        var theta = RandomPoint(problem, 3);
        var seed = new TrialSeed(5);
        var ten = HutchinsonTrace.Estimate(problem, theta, seed, 10);
        var twenty = HutchinsonTrace.Estimate(problem, theta, seed, 20);
        var lastTen = (20 * twenty - 10 * ten) / 10;
        var alone = Enumerable.Range(10, 10).Select(j => ProbeValue(problem, theta, seed, j)).Average();
        Assert.True(Math.Abs(lastTen - alone) < 1e-6 * Math.Abs(alone));
    }

    /// <summary>z^T H z for probe j, with H from the finite-difference Hessian.</summary>
    private static double ProbeValue(IFactorizedProblem problem, double[] theta, TrialSeed seed, int j)
    {
        var stream = seed.Stream(StreamPurpose.Probes, j);
        var z = Enumerable.Range(0, theta.Length).Select(_ => stream.NextSign()).ToArray();
        var hessian = FiniteDifferenceHessian(problem, theta);
        var sum = 0.0;
        for (var a = 0; a < z.Length; a++)
            for (var b = 0; b < z.Length; b++)
                sum += z[a] * hessian[a, b] * z[b];
        return sum;
    }
}
