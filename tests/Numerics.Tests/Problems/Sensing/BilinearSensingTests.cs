using MathNet.Numerics.LinearAlgebra;
using Sweeps.Numerics.Methods;
using Sweeps.Numerics.Problems;
using Sweeps.Numerics.Problems.Sensing;
using Sweeps.Numerics.Random;
using Sweeps.Numerics.Tests.Convex;
using Sweeps.Numerics.Trials;
using static Sweeps.Numerics.Tests.Problems.Sensing.SensingInstances;

namespace Sweeps.Numerics.Tests.Problems.Sensing;

/// <summary>bilinear-sensing: the rank-one map, its moments, derivatives, the convex program and flat vs nuclear.</summary>
public sealed class BilinearSensingTests
{
    private static GeneralSensingProblem Sample(int d1, int d2, int r, int k, int m, ulong seed, double noise = 0) =>
        (GeneralSensingProblem)new BilinearSensingFamily().Sample(
            Parameters(BilinearSensingFamily.FamilyName, d1, d2, r, k, m, noise, seed), new TrialSeed(seed));

    /// <summary>A_i = a_i c_i^T formed explicitly from the stored vectors.</summary>
    private static DenseOperator Explicit(GeneralSensingProblem problem)
    {
        var map = (BilinearMeasurementOperator)problem.Measurements;
        return ExplicitMaps.Build(map.Count, map.Rows, map.Cols, i =>
            Vector<double>.Build.DenseOfArray(map.Left(i).ToArray()).OuterProduct(Vector<double>.Build.DenseOfArray(map.Right(i).ToArray())));
    }

    [Fact]
    public void Map_and_moments_match_the_explicit_rank_one_matrices()
    {
        var problem = Sample(5, 7, 2, 4, 23, seed: 2);
        var reference = Explicit(problem);
        ExplicitMaps.AssertSameMap(problem.Measurements, reference);
        var (p, q) = ExplicitMaps.Moments(reference);
        Assert.True((TestMatrices.Of(problem.LeftWeight, 5, 5) - p).FrobeniusNorm() < 1e-12 * p.FrobeniusNorm());
        Assert.True((TestMatrices.Of(problem.RightWeight, 7, 7) - q).FrobeniusNorm() < 1e-12 * q.FrobeniusNorm());
        var data = new double[23];
        reference.Apply(problem.Truth, data);
        Assert.True(RelativeDifference(problem.Data.ToArray(), data) < 1e-12);
    }

    [Theory]
    [InlineData(4, 3, 1, 3, 7)]
    [InlineData(5, 6, 2, 4, 20)]
    public void Gradient_and_exact_hessian_trace_match_finite_differences(int d1, int d2, int r, int k, int m)
    {
        var problem = Sample(d1, d2, r, k, m, seed: 5, noise: 0.1);
        var theta = RandomPoint(problem, 3);
        Assert.True(RelativeDifference(Gradient(problem, theta), FiniteDifferenceGradient(problem, theta)) < 1e-6);
        Assert.True(problem.Loss(theta) > 1e-2, "the point must be far from the zero-loss set");
        Assert.True(RelativeDifference(problem.HessianTrace(theta), Trace(FiniteDifferenceHessian(problem, theta))) < 1e-5);
    }

    [Fact]
    public void Flat_convex_solution_is_feasible_and_minimizes_the_weighted_nuclear_norm()
    {
        const int d = 8;
        var problem = Sample(d, d, 2, d, 30, seed: 7);
        var solution = ConvexMethod.FlatConvex.Solve(problem, MethodParameters.Defaults, new TrialSeed(7), default);
        Assert.Equal(TrialStatus.Converged, solution.Status);
        var x = TestMatrices.Of(solution.Theta.AsSpan(0, d * d), d, d) * TestMatrices.Of(solution.Theta.AsSpan(d * d), d, d).Transpose();
        var p = TestMatrices.Of(problem.LeftWeight, d, d);
        var q = TestMatrices.Of(problem.RightWeight, d, d);
        var norm = ExplicitMaps.AssertOptimal(Explicit(problem), problem.Data, x, TestMatrices.Of(problem.Truth, d, d), p, q);
        // m = 30 is below the transition at d = 8, r = 2: the minimizer is not the truth, and its factors attain 4 ||.||_*.
        Assert.True(problem.Evaluate(solution.Theta).RelError > 1e-2);
        Assert.Equal(4 * norm, problem.HessianTrace(solution.Theta), 1e-7 * norm);
    }

    /// <summary>d = 10, r = 1..2, m from well below to well above the transition, 5 trials a cell.</summary>
    [Fact]
    public void Flat_convex_and_nuclear_agree_on_success_across_the_transition()
    {
        var cells = new (int R, int M)[] { (1, 16), (1, 32), (1, 48), (2, 28), (2, 50), (2, 72) };
        int agree = 0, total = 0, flatSuccesses = 0;
        foreach (var (r, m) in cells)
            for (var trial = 0; trial < 5; trial++)
            {
                var seed = 1000UL * (ulong)m + (ulong)(10 * r + trial);
                var flat = Run("flat-convex", r, m, seed);
                var nuclear = Run("nuclear", r, m, seed);
                agree += flat.Success == nuclear.Success ? 1 : 0;
                flatSuccesses += flat.Success ? 1 : 0;
                total++;
            }
        Assert.True(agree >= 0.9 * total, $"flat-convex and nuclear agree on {agree} of {total}");
        Assert.InRange(flatSuccesses, 5, total - 5);
    }

    private static TrialResult Run(string method, int r, int m, ulong seed) =>
        TrialRunner.Run(Parameters(BilinearSensingFamily.FamilyName, 10, 10, r, 10, m, 0, seed) with
        {
            Method = method,
            Success = new SuccessCriterion(1e-3),
        });

    [Fact]
    public void Validation_is_that_of_general_sensing()
    {
        var family = new BilinearSensingFamily();
        Assert.Empty(family.Validate(Parameters(family.Name, 6, 4, 2, 3, 20)));
        var errors = family.Validate(Parameters(family.Name, 6, 4, 2, 1, null) with { P = 0.5 });
        Assert.Contains(errors, e => e.StartsWith("k: 1", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("m: missing", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("p: 0.5 does not apply to bilinear-sensing", StringComparison.Ordinal));
        Assert.Equal(3, errors.Count);
    }
}
