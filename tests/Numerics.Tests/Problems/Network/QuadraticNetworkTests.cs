using MathNet.Numerics.LinearAlgebra;
using Sweeps.Numerics.Methods;
using Sweeps.Numerics.Problems.Network;
using Sweeps.Numerics.Random;
using Sweeps.Numerics.Tests.Convex;
using Sweeps.Numerics.Trials;
using static Sweeps.Numerics.Tests.Problems.Sensing.SensingInstances;

namespace Sweeps.Numerics.Tests.Problems.Network;

/// <summary>quadratic-network: inputs and D2, derivatives, flat traces, the signed convex program and recovery.</summary>
public sealed class QuadraticNetworkTests
{
    private static TrialParameters Network(int d, int r, int r2, int k, int k2, int m, double noise = 0, ulong seed = 1) =>
        Parameters(QuadraticNetworkFamily.FamilyName, d, d, r, k, m, noise, seed) with { R2 = r2, K2 = k2 };

    private static QuadraticNetworkProblem Sample(TrialParameters parameters) =>
        (QuadraticNetworkProblem)new QuadraticNetworkFamily().Sample(parameters, new TrialSeed(parameters.Seed));

    /// <summary>A_i = x_i x_i^T formed explicitly.</summary>
    private static DenseOperator Explicit(QuadraticNetworkProblem problem)
    {
        var map = problem.Measurements;
        return ExplicitMaps.Build(map.Count, map.Rows, map.Cols, i =>
        {
            var x = Vector<double>.Build.DenseOfArray(map.Left(i).ToArray());
            return x.OuterProduct(x);
        });
    }

    private static Matrix<double> Of(ReadOnlySpan<double> x, int rows, int cols) => TestMatrices.Of(x, rows, cols);

    private static double[] Pack(Matrix<double> u1, Matrix<double> u2) => [.. u1.ToRowMajorArray(), .. u2.ToRowMajorArray()];

    /// <summary>
    /// With m &lt; d inputs, D2 = (1/m) sum x_i x_i^T has rank m &lt; d (checked independently), so the flat
    /// program's weight is singular: flat-convex reports the instance invalid, with the reason, while nuclear runs.
    /// </summary>
    [Fact]
    public void Fewer_inputs_than_dimensions_make_flat_convex_an_invalid_instance_and_nuclear_still_runs()
    {
        var parameters = Network(8, 2, 0, 8, 0, 5) with { Method = "flat-convex" };
        var rank = Of(Sample(parameters).SquareMean, 8, 8).Rank();
        Assert.Equal(5, rank);
        var flat = TrialRunner.Run(parameters);
        Assert.Equal(TrialStatus.InvalidInstance, flat.Status);
        Assert.StartsWith("flat-convex: the flat program's 8 x 8 weight is singular", flat.Reason, StringComparison.Ordinal);
        var nuclear = TrialRunner.Run(parameters with { Method = "nuclear" });
        Assert.NotEqual(TrialStatus.InvalidInstance, nuclear.Status);
        Assert.True(double.IsFinite(nuclear.RelError));
    }

    [Fact]
    public void Inputs_give_the_quadratic_map_and_D2()
    {
        var problem = Sample(Network(6, 2, 1, 3, 2, 17));
        var reference = Explicit(problem);
        ExplicitMaps.AssertSameMap(problem.Measurements, reference);
        var (p, q) = ExplicitMaps.Moments(reference);
        Assert.True((Of(problem.SquareMean, 6, 6) - p).FrobeniusNorm() < 1e-12 * p.FrobeniusNorm());
        Assert.True((p - q).FrobeniusNorm() < 1e-12 * p.FrobeniusNorm());
        var truth = Of(problem.Truth, 6, 6);
        var eigenvalues = truth.Evd(Symmetricity.Symmetric).EigenValues.Select(v => v.Real).ToArray();
        Assert.Equal(2, eigenvalues.Count(v => v > 1e-10));
        Assert.Equal(1, eigenvalues.Count(v => v < -1e-10));
        Assert.Equal(1.0, truth.FrobeniusNorm(), 12);
    }

    public static TheoryData<int, int, int, int, int, int> Sizes => new()
    {
        { 4, 1, 0, 3, 0, 9 },
        { 5, 2, 1, 3, 2, 14 },
        { 4, 1, 1, 2, 3, 8 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Gradient_and_exact_hessian_trace_match_finite_differences(int d, int r, int r2, int k, int k2, int m)
    {
        var problem = Sample(Network(d, r, r2, k, k2, m, noise: 0.1, seed: 4));
        var theta = RandomPoint(problem, 9);
        var gradient = Gradient(problem, theta);
        Assert.True(RelativeDifference(gradient, FiniteDifferenceGradient(problem, theta)) < 1e-6);
        Assert.Equal(problem.Loss(theta), problem.LossAndGradient(theta, gradient));
        Assert.True(problem.Loss(theta) > 1e-2, "the point must be far from the zero-loss set");
        Assert.True(RelativeDifference(problem.HessianTrace(theta), Trace(FiniteDifferenceHessian(problem, theta))) < 1e-5);
    }

    [Fact]
    public void Flat_penalty_gradient_matches_central_differences()
    {
        var problem = Sample(Network(5, 2, 1, 3, 2, 14));
        var theta = RandomPoint(problem, 2);
        var gradient = new double[theta.Length];
        problem.AddFlatPenalty(theta, 1.0, gradient);
        var reference = FiniteDifferencePenaltyGradient(problem, theta);
        Assert.True(RelativeDifference(gradient, reference) < 1e-6);
    }

    /// <summary>
    /// On the zero-loss set the trace is the penalty (finite differences); the eigen-split of D M D attains
    /// FlatTraceAtTruth = 8 ||D M D||_*, and a factorization with cancelling columns is sharper.
    /// </summary>
    [Fact]
    public void Zero_loss_traces_equal_the_penalty_and_the_flat_split_is_the_flattest()
    {
        const int d = 6, k = 3, k2 = 2;
        var problem = Sample(Network(d, 2, 1, k, k2, 15, seed: 3));
        var root = TestMatrices.SquareRoot(Of(problem.SquareMean, d, d));
        var evd = (root * Of(problem.Truth, d, d) * root).Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Select(v => v.Real).ToArray();
        var order = Enumerable.Range(0, d).OrderByDescending(i => values[i]).ToArray();
        var u1 = Matrix<double>.Build.Dense(d, k);
        var u2 = Matrix<double>.Build.Dense(d, k2);
        for (var c = 0; c < 2; c++) u1.SetColumn(c, evd.EigenVectors.Column(order[c]) * Math.Sqrt(values[order[c]]));
        u2.SetColumn(0, evd.EigenVectors.Column(order[d - 1]) * Math.Sqrt(-values[order[d - 1]]));
        var rootInverse = root.Inverse();
        u1 = rootInverse * u1;
        u2 = rootInverse * u2;
        var flat = Pack(u1, u2);
        Assert.True(problem.Loss(flat) < 1e-26);
        var penalty = problem.AddFlatPenalty(flat, 0, new double[flat.Length]);
        Assert.Equal(problem.FlatTraceAtTruth, penalty, 1e-10 * penalty);
        Assert.True(RelativeDifference(penalty, Trace(FiniteDifferenceHessian(problem, flat))) < 1e-5);
        Assert.True(RelativeDifference(problem.HessianTrace(flat), penalty) < 1e-10);

        // Add the same column v to U1 and U2: X is unchanged, the trace grows by 16 <D2, v v^T>.
        var v = Vector<double>.Build.Dense(d, i => 0.3 * Math.Cos(i + 1));
        u1.SetColumn(2, v);
        u2.SetColumn(1, v);
        var cancelling = Pack(u1, u2);
        Assert.True(problem.Loss(cancelling) < 1e-26);
        var sharper = problem.HessianTrace(cancelling);
        Assert.Equal(penalty + 16 * (v * Of(problem.SquareMean, d, d) * v), sharper, 1e-10 * sharper);
        Assert.True(problem.Evaluate(cancelling).Extras.Single(e => e.Key == "norm_gap").Value > 1e-2);

        // norm_gap is 0 at the unweighted eigen-split of X (no cancellation): ||U1||_F^2 + ||U2||_F^2 = ||X||_*.
        var split = Of(problem.Truth, d, d).Evd(Symmetricity.Symmetric);
        var plain1 = Matrix<double>.Build.Dense(d, k);
        var plain2 = Matrix<double>.Build.Dense(d, k2);
        int positive = 0, negative = 0;
        for (var i = 0; i < d; i++)
        {
            var value = split.EigenValues[i].Real;
            if (value > 1e-10) plain1.SetColumn(positive++, split.EigenVectors.Column(i) * Math.Sqrt(value));
            else if (value < -1e-10) plain2.SetColumn(negative++, split.EigenVectors.Column(i) * Math.Sqrt(-value));
        }
        var plain = Pack(plain1, plain2);
        Assert.True(problem.Evaluate(plain).RelError < 1e-12);
        Assert.True(Math.Abs(problem.Evaluate(plain).Extras.Single(e => e.Key == "norm_gap").Value) < 1e-10);
    }

    [Fact]
    public void Signed_flat_program_solution_is_feasible_and_minimizes_the_weighted_nuclear_norm()
    {
        const int d = 8;
        var problem = Sample(Network(d, 2, 1, d, d, 20, seed: 6));
        var solution = ConvexMethod.FlatConvex.Solve(problem, MethodParameters.Defaults, new TrialSeed(6), default);
        Assert.Equal(TrialStatus.Converged, solution.Status);
        var x = Of(problem.Model(solution.Theta), d, d);
        var weight = Of(problem.SquareMean, d, d);
        var norm = ExplicitMaps.AssertOptimal(Explicit(problem), problem.Data, x, Of(problem.Truth, d, d), weight, weight);
        Assert.True(problem.Evaluate(solution.Theta).RelError > 1e-2, "m = 20 is far below the threshold");
        Assert.Equal(8 * norm, problem.HessianTrace(solution.Theta), 1e-6 * norm);
    }

    /// <summary>Covariance estimation (r2 = k2 = 0), phase retrieval (r = k = 1) and a signed teacher, d = 10.</summary>
    [Theory]
    [InlineData(2, 0, 10, 0, 50, true)]
    [InlineData(2, 0, 10, 0, 12, false)]
    [InlineData(1, 0, 1, 0, 40, true)]
    [InlineData(2, 1, 10, 10, 54, true)]
    [InlineData(2, 1, 10, 10, 20, false)]
    public void Flat_convex_recovers_well_above_r_d_and_not_well_below(int r, int r2, int k, int k2, int m, bool recovers)
    {
        var parameters = Network(10, r, r2, k, k2, m, seed: 31) with { Method = "flat-convex", Success = new SuccessCriterion(1e-4) };
        var result = TrialRunner.Run(parameters);
        Assert.Equal(TrialStatus.Converged, result.Status);
        Assert.Equal(recovers, result.Success);
        if (recovers) Assert.Equal(result.FlatTraceAtTruth, result.HessianTrace, 1e-3 * result.FlatTraceAtTruth);
        else Assert.True(result.RelError > 1e-2);
    }

    [Fact]
    public void Validation_names_each_bad_field()
    {
        var family = new QuadraticNetworkFamily();
        Assert.Empty(family.Validate(Network(6, 2, 1, 3, 2, 20)));
        Assert.Empty(family.Validate(Network(6, 2, 0, 3, 0, 20) with { R2 = null, K2 = null }));
        var errors = family.Validate(Network(6, 4, 3, 4, 2, 30) with { P = 0.5, Depth = 2 });
        Assert.Contains(errors, e => e.StartsWith("r2: 3 is not allowed with r = 4", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("k2: 2 is not allowed", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("p: 0.5 does not apply to quadratic-network", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("depth: 2 does not apply", StringComparison.Ordinal));
        Assert.Single(family.Validate(Network(6, 2, 0, 3, 0, 22)), e => e.StartsWith("m: 22 is not allowed", StringComparison.Ordinal));
        Assert.Single(family.Validate(Network(6, 2, 0, 3, 0, 20) with { D2 = 5 }), e => e.StartsWith("d2: 5", StringComparison.Ordinal));
    }
}
