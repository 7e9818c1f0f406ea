using MathNet.Numerics.LinearAlgebra;
using Sweeps.Numerics.Convex;
using Sweeps.Numerics.Methods;
using Sweeps.Numerics.Random;
using Sweeps.Numerics.Trials;

namespace Sweeps.Numerics.Tests.Convex;

/// <summary>Optimality of the ADMM solution, checked against the truth and random feasible points.</summary>
public sealed class TraceNormSolverTests
{
    /// <summary>
    /// d = 10, rank 2: m = 45 is far below the statistical dimension (about 70), so the minimizer is not
    /// the truth and the comparison with M is strict; m = 90 is above it, so the minimizer is M.
    /// </summary>
    [Theory]
    [InlineData(45, true)]
    [InlineData(45, false)]
    [InlineData(90, true)]
    public void General_solution_is_feasible_and_no_feasible_point_has_a_smaller_weighted_norm(int m, bool flat)
    {
        const int d = 10;
        var instance = SensingInstance.Sample(d, d, 2, m, symmetric: false, seed: 21);
        var (x, result) = Solve(instance, flat);
        Assert.Equal(TrialStatus.Converged, result.Status);
        Assert.True(TestMatrices.RelativeInfeasibility(instance.Operator, x, instance.Data) < 1e-8);

        var p = flat ? TestMatrices.Of(instance.P, d, d) : Matrix<double>.Build.DenseIdentity(d);
        var q = flat ? TestMatrices.Of(instance.Q, d, d) : Matrix<double>.Build.DenseIdentity(d);
        var truth = TestMatrices.Of(instance.Truth, d, d);
        var norm = TestMatrices.WeightedNuclearNorm(TestMatrices.Of(x, d, d), p, q);
        var truthNorm = TestMatrices.WeightedNuclearNorm(truth, p, q);
        Assert.True(norm <= truthNorm * (1 + 1e-8));
        if (m < 70) Assert.True(norm < truthNorm * (1 - 1e-3), "below the threshold the minimizer should beat the truth");

        var stacked = TestMatrices.Stacked(instance.Operator);
        var stream = new TrialSeed(8).Stream(StreamPurpose.Probes);
        foreach (var size in new[] { 1e-3, 1e-1, 1.0 })
        {
            var g = Vector<double>.Build.Dense(d * d, _ => stream.NextNormal());
            var direction = TestMatrices.NullSpaceElement(stacked, g);
            var other = truth + size / direction.L2Norm() * Matrix<double>.Build.DenseOfRowMajor(d, d, direction.ToArray());
            Assert.True(norm <= TestMatrices.WeightedNuclearNorm(other, p, q) * (1 + 1e-8));
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Psd_solution_is_psd_feasible_and_has_no_larger_weighted_trace_than_the_truth(bool flat)
    {
        // m = 25 is below the PSD trace threshold at d = 10, r = 2 (19 degrees of freedom, statistical dimension
        // above 30), but not far: the truth is still the minimizer in about a quarter of instances, so the strict
        // claim is a count over 10 instances (was one instance, seed 4; under the ziggurat it beats the truth by 7e-4).
        const int d = 10, instances = 10;
        var beaten = 0;
        var ratios = new List<double>();
        for (var seed = 0UL; seed < instances; seed++)
        {
            var instance = SensingInstance.Sample(d, d, 2, 25, symmetric: true, seed: seed);
            var (x, result) = Solve(instance, flat);
            Assert.Equal(TrialStatus.Converged, result.Status);
            Assert.True(TestMatrices.RelativeInfeasibility(instance.Operator, x, instance.Data) < 1e-8);

            var xm = TestMatrices.Of(x, d, d);
            Assert.True((xm - xm.Transpose()).FrobeniusNorm() < 1e-12);
            var eigenvalues = xm.Evd(Symmetricity.Symmetric).EigenValues.Select(v => v.Real).ToArray();
            Assert.True(eigenvalues.Min() > -1e-12 * eigenvalues.Max());

            var w = flat ? TestMatrices.Of(instance.P, d, d) : Matrix<double>.Build.DenseIdentity(d);
            var ratio = (w * xm).Trace() / (w * TestMatrices.Of(instance.Truth, d, d)).Trace();
            Assert.True(ratio <= 1 + 1e-8, $"seed {seed}: the solution's weighted trace exceeds the truth's by {ratio - 1}");
            ratios.Add(ratio);
            if (ratio < 1 - 1e-3)
                beaten++;
        }
        Assert.True(beaten >= 5, $"truth beaten in {beaten} of {instances}; ratios {string.Join(", ", ratios.Select(r => r.ToString("F6")))}");
    }

    [Fact]
    public void Iteration_cap_ends_with_iteration_limit_and_a_reason()
    {
        var instance = SensingInstance.Sample(8, 8, 2, 40, symmetric: false, seed: 2);
        var projector = AffineProjector.Build(instance.Operator, instance.Data, SpdRoots.Identity(8), SpdRoots.Identity(8));
        var result = TraceNormSolver.Solve(projector, 8, 8, psd: false, new ConvexOptions(MaxIterations: 3), default);
        Assert.Equal(TrialStatus.IterationLimit, result.Status);
        Assert.Equal(3, result.Iterations);
        Assert.Contains("iteration cap 3", result.Reason, StringComparison.Ordinal);
    }

    /// <summary>Solves and maps back: X = P^{-1/2} Y Q^{-1/2} (identity weights unless flat).</summary>
    private static (double[] X, TraceNormResult Result) Solve(SensingInstance instance, bool flat)
    {
        int d1 = instance.D1, d2 = instance.D2;
        var left = flat ? SpdRoots.Of(instance.P, d1) : SpdRoots.Identity(d1);
        var right = flat ? SpdRoots.Of(instance.Q, d2) : SpdRoots.Identity(d2);
        var projector = AffineProjector.Build(instance.Operator, instance.Data, left, right);
        var result = TraceNormSolver.Solve(projector, d1, d2, instance.Symmetric, new ConvexOptions(), default);
        var y = new double[d1 * d2];
        result.Solution.WriteDense(y);
        var x = TestMatrices.Of(left.InverseHalf, d1, d1) * TestMatrices.Of(y, d1, d2) * TestMatrices.Of(right.InverseHalf, d2, d2);
        return (x.ToRowMajorArray(), result);
    }
}
