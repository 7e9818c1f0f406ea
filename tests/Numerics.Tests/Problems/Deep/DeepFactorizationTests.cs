using MathNet.Numerics.LinearAlgebra;
using Sweeps.Numerics.LinearAlgebra;
using Sweeps.Numerics.Methods;
using Sweeps.Numerics.Problems;
using Sweeps.Numerics.Problems.Deep;
using Sweeps.Numerics.Problems.Sensing;
using Sweeps.Numerics.Random;
using Sweeps.Numerics.Tests.Convex;
using Sweeps.Numerics.Trials;
using static Sweeps.Numerics.Tests.Problems.Sensing.SensingInstances;

namespace Sweeps.Numerics.Tests.Problems.Deep;

/// <summary>deep-factorization: derivatives and exact traces against finite differences, the depth-2 reduction to general sensing, the layer split, whole trials.</summary>
public sealed class DeepFactorizationTests
{
    public static TheoryData<int> Depths => [2, 3, 4];

    private static TrialParameters Parameters(int d1, int d2, int r, int k, int m, int depth, double noise = 0, ulong seed = 1, string method = "nuclear") => new()
    {
        Problem = DeepFactorizationFamily.FamilyName,
        Method = method,
        D1 = d1,
        D2 = d2,
        R = r,
        K = k,
        M = m,
        Depth = depth,
        Noise = noise,
        Seed = seed,
    };

    private static DeepFactorizationProblem Sample(int d1, int d2, int r, int k, int m, int depth, double noise = 0, ulong seed = 1) =>
        (DeepFactorizationProblem)new DeepFactorizationFamily().Sample(Parameters(d1, d2, r, k, m, depth, noise, seed), new TrialSeed(seed));

    [Theory]
    [MemberData(nameof(Depths))]
    public void Gradient_matches_central_differences_of_the_loss(int depth)
    {
        var problem = Sample(4, 5, 2, 3, 9, depth, noise: 0.1);
        var theta = RandomPoint(problem, 5);
        Assert.True(RelativeDifference(Gradient(problem, theta), FiniteDifferenceGradient(problem, theta)) < 1e-6);
    }

    [Theory]
    [MemberData(nameof(Depths))]
    public void Exact_hessian_trace_matches_the_trace_of_a_finite_difference_hessian(int depth)
    {
        var problem = Sample(4, 3, 1, 3, 7, depth, noise: 0.1);
        var theta = RandomPoint(problem, 6);
        Assert.True(problem.Loss(theta) > 1e-2, "the point must be far from the zero-loss set");
        Assert.True(RelativeDifference(problem.HessianTrace(theta), Trace(FiniteDifferenceHessian(problem, theta))) < 1e-5);
    }

    [Theory]
    [MemberData(nameof(Depths))]
    public void Flat_penalty_is_the_trace_and_its_gradient_matches_central_differences(int depth)
    {
        var problem = Sample(5, 4, 2, 3, 10, depth);
        var theta = RandomPoint(problem, 7);
        var gradient = new double[theta.Length];
        Assert.Equal(problem.HessianTrace(theta), problem.AddFlatPenalty(theta, 1.0, gradient), 12);
        Assert.True(RelativeDifference(gradient, FiniteDifferencePenaltyGradient(problem, theta)) < 1e-6);
        var twice = (double[])gradient.Clone();
        problem.AddFlatPenalty(theta, 1.0, twice);
        Assert.True(RelativeDifference(twice, gradient.Select(g => 2 * g).ToArray()) < 1e-14);
    }

    [Fact]
    public void Depth_two_is_general_sensing_on_the_same_seed()
    {
        var deep = Sample(5, 4, 2, 3, 12, depth: 2, noise: 0.1, seed: 21);
        var general = General(5, 4, 2, 3, 12, seed: 21, noise: 0.1);
        Assert.Equal(general.Data.ToArray(), deep.Data.ToArray());
        Assert.Equal(general.Truth.ToArray(), deep.Truth.ToArray());

        // theta_deep = [W_1, W_2] = [R^T, L].
        var thetaGeneral = RandomPoint(general, 3);
        var l = Matrix<double>.Build.DenseOfRowMajor(5, 3, thetaGeneral[..15]);
        var r = Matrix<double>.Build.DenseOfRowMajor(4, 3, thetaGeneral[15..]);
        double[] thetaDeep = [.. r.Transpose().ToRowMajorArray(), .. l.ToRowMajorArray()];
        Assert.Equal(general.Loss(thetaGeneral), deep.Loss(thetaDeep), 12);
        Assert.Equal(general.HessianTrace(thetaGeneral), deep.HessianTrace(thetaDeep), 10);
        Assert.Equal(general.FlatTraceAtTruth, deep.FlatTraceAtTruth, 10);
        Assert.Equal(general.SuggestedStep, deep.SuggestedStep, 12);
        Assert.Equal(general.Evaluate(thetaGeneral).BalanceGap, deep.Evaluate(thetaDeep).BalanceGap, 12);
    }

    [Fact]
    public void Depth_two_flat_convex_solves_the_same_program_as_general_sensing()
    {
        var parameters = Parameters(6, 6, 1, 6, 24, depth: 2, seed: 40, method: "flat-convex");
        var seed = new TrialSeed(parameters.Seed);
        var deep = (DeepFactorizationProblem)new DeepFactorizationFamily().Sample(parameters, seed);
        var general = (GeneralSensingProblem)new GeneralSensingFamily().Sample(parameters with { Problem = GeneralSensingFamily.FamilyName, Depth = null }, seed);
        var deepSolution = ConvexMethod.FlatConvex.Solve(deep, MethodParameters.Defaults, seed, default);
        var generalSolution = ConvexMethod.FlatConvex.Solve(general, MethodParameters.Defaults, seed, default);

        var xDeep = new double[36];
        deep.Product(deepSolution.Theta, xDeep);
        var xGeneral = new double[36];
        DenseProductsOf(general, generalSolution.Theta, xGeneral);
        Assert.True(Kernels.Distance(xDeep, xGeneral) < 1e-8 * Kernels.Norm(xGeneral));
        Assert.Equal(general.HessianTrace(generalSolution.Theta), deep.HessianTrace(deepSolution.Theta), 6);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void Pack_factors_keeps_the_product_and_balances_the_flat_pair(int depth)
    {
        var problem = Sample(6, 5, 2, 4, 20, depth);
        var stream = new TrialSeed(4).Stream(StreamPurpose.Probes);
        var left = new double[6 * 4];
        var right = new double[5 * 4];
        stream.FillNormal(left);
        stream.FillNormal(right);
        var theta = new double[problem.ParameterCount];
        problem.PackFactors(left, right, theta);
        var x = new double[30];
        problem.Product(theta, x);
        var expected = (Matrix<double>.Build.DenseOfRowMajor(6, 4, left) * Matrix<double>.Build.DenseOfRowMajor(5, 4, right).Transpose()).ToRowMajorArray();
        Assert.True(Kernels.Distance(x, expected) < 1e-12 * Kernels.Norm(expected));

        // The flat pair of the truth (built here with MathNet) splits into layers whose product is the truth,
        // with the trace that the problem reports as its flat trace at truth.
        var truthSplit = TruthSplit(problem);
        problem.Product(truthSplit, x);
        Assert.True(Kernels.Distance(x, problem.Truth) < 1e-10);
        Assert.Equal(problem.FlatTraceAtTruth, problem.HessianTrace(truthSplit), 10);

        // The layers are rescaled optimally: no other scalars c_j with prod c_j = 1 give a smaller trace.
        for (var trial = 0; trial < 10; trial++)
        {
            var scales = Enumerable.Range(0, depth).Select(_ => Math.Exp(0.3 * stream.NextNormal())).ToArray();
            var mean = Math.Exp(scales.Average(Math.Log));
            var scaled = (double[])truthSplit.Clone();
            var offset = 0;
            for (var j = 0; j < depth; j++)
            {
                var size = problem.LayerRows(j) * problem.LayerCols(j);
                Kernels.Scale(scales[j] / mean, scaled.AsSpan(offset, size));
                offset += size;
            }
            Assert.True(problem.HessianTrace(scaled) >= problem.FlatTraceAtTruth * (1 - 1e-12));
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Initialization_has_the_requested_model_norm_on_average(int depth)
    {
        var problem = Sample(8, 6, 2, 5, 10, depth);
        var mean = MeanSquaredModelNorm(problem, 48, (theta, x) => problem.Product(theta, x), 1e-3, draws: 600);
        Assert.InRange(mean / 1e-6, 0.85, 1.15);
    }

    [Fact]
    public void Depth_three_trials_run_and_flat_convex_recovers()
    {
        TrialResult Run(string method) => TrialRunner.Run(Parameters(8, 8, 1, 8, 40, depth: 3, seed: 77, method: method) with
        {
            Success = new SuccessCriterion { Tolerance = 1e-4 },
        });
        var flat = Run("flat-convex");
        Assert.Equal(TrialStatus.Converged, flat.Status);
        Assert.True(flat.Success, $"flat-convex error {flat.RelError}");
        Assert.InRange(flat.HessianTrace / flat.FlatTraceAtTruth, 0.999, 1.001);
        foreach (var method in new[] { "flat-penalty", "gd-small-init" })
        {
            var result = Run(method);
            Assert.NotEqual(TrialStatus.Diverged, result.Status);
            Assert.True(double.IsFinite(result.RelError) && double.IsFinite(result.HessianTrace), method);
            Assert.True(result.Loss < 1e-4, $"{method}: loss {result.Loss}, status {result.Status}");
        }
    }

    [Theory]
    [InlineData("depth=1", "depth")]
    [InlineData("depth=11", "depth")]
    [InlineData("sparsity=1", "sparsity")]
    [InlineData("p=0.5", "p")]
    [InlineData("m=missing", "m")]
    [InlineData("k=1", "k")]
    public void Validate_names_the_bad_field(string change, string field)
    {
        var valid = Parameters(5, 5, 2, 3, 12, depth: 3);
        Assert.Empty(Catalogs.Problems.Get(DeepFactorizationFamily.FamilyName).Validate(valid));
        Assert.Empty(Catalogs.Problems.Get(DeepFactorizationFamily.FamilyName).Validate(valid with { Depth = null }));
        var bad = change switch
        {
            "depth=1" => valid with { Depth = 1 },
            "depth=11" => valid with { Depth = 11 },
            "sparsity=1" => valid with { Sparsity = 1 },
            "p=0.5" => valid with { P = 0.5 },
            "m=missing" => valid with { M = null },
            "k=1" => valid with { K = 1 },
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };
        Assert.Contains(new DeepFactorizationFamily().Validate(bad), e => e.StartsWith(field + ":", StringComparison.Ordinal));
    }

    /// <summary>The split of the flat pair of the truth, built independently with MathNet: P^{1/2} M Q^{1/2} = U S V^T, L = P^{-1/2} U S^{1/2}, R = Q^{-1/2} V S^{1/2}.</summary>
    private static double[] TruthSplit(DeepFactorizationProblem problem)
    {
        int d1 = problem.D1, d2 = problem.D2, k = problem.Width;
        var p = TestMatrices.SquareRoot(TestMatrices.Of(problem.LeftWeight, d1, d1));
        var q = TestMatrices.SquareRoot(TestMatrices.Of(problem.RightWeight, d2, d2));
        var svd = (p * TestMatrices.Of(problem.Truth, d1, d2) * q).Svd();
        var rank = svd.S.Count(s => s > 1e-10 * svd.S[0]);
        var root = Matrix<double>.Build.DiagonalOfDiagonalArray(svd.S.Take(rank).Select(Math.Sqrt).ToArray());
        var left = Matrix<double>.Build.Dense(d1, k);
        var right = Matrix<double>.Build.Dense(d2, k);
        left.SetSubMatrix(0, 0, p.Inverse() * svd.U.SubMatrix(0, d1, 0, rank) * root);
        right.SetSubMatrix(0, 0, q.Inverse() * svd.VT.Transpose().SubMatrix(0, d2, 0, rank) * root);
        var theta = new double[problem.ParameterCount];
        problem.PackFactors(left.ToRowMajorArray(), right.ToRowMajorArray(), theta);
        return theta;
    }

    private static void DenseProductsOf(GeneralSensingProblem problem, double[] theta, double[] x)
    {
        int d1 = problem.D1, d2 = problem.D2, k = problem.Width;
        var product = Matrix<double>.Build.DenseOfRowMajor(d1, k, theta[..(d1 * k)]) * Matrix<double>.Build.DenseOfRowMajor(d2, k, theta[(d1 * k)..]).Transpose();
        product.ToRowMajorArray().CopyTo(x, 0);
    }
}
