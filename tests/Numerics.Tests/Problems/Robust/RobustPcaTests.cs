using MathNet.Numerics.LinearAlgebra;
using Sweeps.Numerics.LinearAlgebra;
using Sweeps.Numerics.Methods;
using Sweeps.Numerics.Problems;
using Sweeps.Numerics.Problems.Robust;
using Sweeps.Numerics.Random;
using Sweeps.Numerics.Trials;
using static Sweeps.Numerics.Tests.Problems.Sensing.SensingInstances;

namespace Sweeps.Numerics.Tests.Problems.Robust;

/// <summary>robust-pca: the corruption, derivatives and traces against finite differences, the convex program's recovery and optimality.</summary>
public sealed class RobustPcaTests
{
    private static TrialParameters Parameters(int d1, int d2, int r, int k, int sparsity, ulong seed = 1, string method = "nuclear") => new()
    {
        Problem = RobustPcaFamily.FamilyName,
        Method = method,
        D1 = d1,
        D2 = d2,
        R = r,
        K = k,
        Sparsity = sparsity,
        Seed = seed,
        Success = new SuccessCriterion { Tolerance = 1e-4 },
    };

    private static RobustPcaProblem Sample(int d1, int d2, int r, int k, int sparsity, ulong seed = 1) =>
        (RobustPcaProblem)new RobustPcaFamily().Sample(Parameters(d1, d2, r, k, sparsity, seed), new TrialSeed(seed));

    [Theory]
    [InlineData(30, 30, 2)]
    [InlineData(12, 20, 3)]
    public void Corruption_respects_the_row_and_column_limits(int d1, int d2, int l)
    {
        var problem = Sample(d1, d2, 2, 4, l, seed: 5);
        var s = TestMatrix(problem.Corruption, d1, d2);
        var typical = 1 / Math.Sqrt(d1 * d2);
        Assert.All(s.EnumerateRows(), row => Assert.True(row.Count(v => v != 0) <= l));
        Assert.All(s.EnumerateColumns(), column => Assert.True(column.Count(v => v != 0) <= l));
        Assert.True(s.Enumerate().Count(v => v != 0) >= 0.8 * l * Math.Min(d1, d2), "nearly l entries per row or column");
        Assert.All(s.Enumerate().Where(v => v != 0), v => Assert.InRange(Math.Abs(v) / typical, 1, 2));
        Assert.Equal(s.Enumerate().Sum(Math.Abs), problem.Radius, 12);
        var y = TestMatrix(problem.Truth, d1, d2) + s;
        Assert.True((y - TestMatrix(problem.Observed, d1, d2)).FrobeniusNorm() < 1e-15);
    }

    [Fact]
    public void Loss_is_the_squared_distance_to_the_l1_ball()
    {
        var problem = Sample(6, 5, 1, 3, 1, seed: 3);
        var theta = RandomPoint(problem, 4);
        var e = Residual(problem, theta);
        var projected = ProjectByBisection(e, problem.Radius);
        Assert.Equal(problem.Radius, projected.Sum(Math.Abs), 9);
        Assert.Equal(Kernels.Distance(e, projected) * Kernels.Distance(e, projected), problem.Loss(theta), 9);

        // No point of the ball is closer (random points scaled into the ball).
        var stream = new TrialSeed(2).Stream(StreamPurpose.Probes);
        for (var t = 0; t < 50; t++)
        {
            var z = new double[e.Length];
            stream.FillNormal(z);
            Kernels.Scale(problem.Radius * stream.NextDouble() / z.Sum(Math.Abs), z);
            Assert.True(Kernels.Distance(e, z) >= Kernels.Distance(e, projected));
        }

        // Inside the ball (the truth, E = S) the loss is zero.
        var truthFactors = BalancedFactors(problem, problem.Truth);
        Assert.True(problem.Loss(truthFactors) < 1e-28);
    }

    [Fact]
    public void Gradient_matches_central_differences_of_the_loss()
    {
        var problem = Sample(6, 5, 2, 3, 1, seed: 7);
        var theta = RandomPoint(problem, 5);
        Assert.True(problem.Loss(theta) > 1e-3);
        Assert.True(RelativeDifference(Gradient(problem, theta), FiniteDifferenceGradient(problem, theta)) < 1e-6);
    }

    [Fact]
    public void Active_set_trace_matches_the_trace_of_a_finite_difference_hessian()
    {
        foreach (var (sparsity, seed) in new[] { (1, 8UL), (2, 9UL), (0, 10UL) })
        {
            var problem = Sample(5, 4, 1, 3, sparsity, seed);
            var theta = RandomPoint(problem, seed);
            Assert.True(problem.Loss(theta) > 1e-3, "outside the ball");
            var reference = Trace(FiniteDifferenceHessian(problem, theta));
            Assert.True(RelativeDifference(problem.ActiveSetHessianTrace(theta), reference) < 1e-5, $"sparsity {sparsity}");
        }
    }

    [Fact]
    public void Hessian_trace_is_the_trace_of_the_majorizing_model_and_the_flat_penalty()
    {
        var problem = Sample(5, 4, 1, 3, 1, seed: 12);
        var theta0 = RandomPoint(problem, 13);
        var anchor = ProjectByBisection(Residual(problem, theta0), problem.Radius);
        var y = problem.Observed.ToArray();
        double Model(double[] theta)
        {
            var e = Residual(problem, theta, y);
            return e.Select((v, i) => (v - anchor[i]) * (v - anchor[i])).Sum();
        }

        // q majorizes f and touches it at theta0.
        Assert.Equal(problem.Loss(theta0), Model(theta0), 10);
        var stream = new TrialSeed(14).Stream(StreamPurpose.Probes);
        for (var t = 0; t < 20; t++)
        {
            var other = theta0.Select(v => v + 0.3 * stream.NextNormal()).ToArray();
            Assert.True(Model(other) >= problem.Loss(other) - 1e-12);
        }

        // Its Hessian trace by second differences of the value (q is quadratic along each coordinate).
        const double h = 1e-3;
        var trace = 0.0;
        var shifted = (double[])theta0.Clone();
        for (var j = 0; j < theta0.Length; j++)
        {
            shifted[j] = theta0[j] + h;
            var plus = Model(shifted);
            shifted[j] = theta0[j] - h;
            var minus = Model(shifted);
            shifted[j] = theta0[j];
            trace += (plus - 2 * Model(theta0) + minus) / (h * h);
        }
        Assert.True(RelativeDifference(problem.HessianTrace(theta0), trace) < 1e-6);

        var gradient = new double[theta0.Length];
        Assert.Equal(problem.HessianTrace(theta0), problem.AddFlatPenalty(theta0, 1.0, gradient), 12);
        Assert.True(RelativeDifference(gradient, FiniteDifferencePenaltyGradient(problem, theta0)) < 1e-6);
    }

    [Fact]
    public void Flat_trace_at_truth_is_the_minimum_over_factorizations()
    {
        var problem = Sample(8, 5, 2, 4, 1, seed: 15);
        var flat = BalancedFactors(problem, problem.Truth, weighted: true);
        Assert.Equal(problem.FlatTraceAtTruth, problem.HessianTrace(flat), 10);
        var stream = new TrialSeed(16).Stream(StreamPurpose.Probes);
        var l = Matrix<double>.Build.DenseOfRowMajor(8, 4, flat[..32]);
        var r = Matrix<double>.Build.DenseOfRowMajor(5, 4, flat[32..]);
        for (var t = 0; t < 20; t++)
        {
            var g = Matrix<double>.Build.DenseIdentity(4) + Matrix<double>.Build.Dense(4, 4, (_, _) => 0.3 * stream.NextNormal());
            double[] other = [.. (l * g).ToRowMajorArray(), .. (r * g.Inverse().Transpose()).ToRowMajorArray()];
            Assert.True(problem.HessianTrace(other) >= problem.FlatTraceAtTruth * (1 - 1e-12));
        }
    }

    [Fact]
    public void Flat_convex_recovers_at_d30_rank2_with_two_corruptions_per_row_and_column()
    {
        var successes = 0;
        for (ulong seed = 100; seed < 105; seed++)
        {
            var parameters = Parameters(30, 30, 2, 30, 2, seed, "flat-convex");
            var result = TrialRunner.Run(parameters);
            if (result.Success) successes++;

            // Optimality, checked independently of the solver: X is feasible and no worse than the truth.
            var problem = Sample(30, 30, 2, 30, 2, seed);
            var solution = ConvexMethod.FlatConvex.Solve(problem, parameters.MethodParameters, new TrialSeed(seed), default);
            var x = Model(problem, solution.Theta);
            var y = TestMatrix(problem.Observed, 30, 30);
            var truth = TestMatrix(problem.Truth, 30, 30);
            Assert.True((y - x).Enumerate().Sum(Math.Abs) <= problem.Radius * (1 + 1e-6));
            Assert.True(x.Svd(false).S.Sum() <= truth.Svd(false).S.Sum() * (1 + 1e-6));
            Assert.Equal(result.RelError, (x - truth).FrobeniusNorm() / truth.FrobeniusNorm(), 9);
        }
        Assert.True(successes >= 4, $"{successes} of 5 recovered");
    }

    [Fact]
    public void Nonconvex_methods_run_through_the_trial_runner()
    {
        foreach (var method in new[] { "flat-penalty", "gd-small-init", "gd-random-init" })
        {
            var result = TrialRunner.Run(Parameters(10, 10, 1, 10, 1, seed: 3, method));
            Assert.NotEqual(TrialStatus.Diverged, result.Status);
            Assert.True(double.IsFinite(result.RelError) && double.IsFinite(result.HessianTrace), method);
            Assert.True(result.Loss < 1e-6, $"{method}: loss {result.Loss}");
        }
    }

    [Theory]
    [InlineData("sparsity=missing", "sparsity")]
    [InlineData("sparsity=-1", "sparsity")]
    [InlineData("sparsity=7", "sparsity")]
    [InlineData("m=10", "m")]
    [InlineData("depth=2", "depth")]
    [InlineData("p=0.5", "p")]
    public void Validate_names_the_bad_field(string change, string field)
    {
        var valid = Parameters(6, 8, 2, 3, 2);
        Assert.Empty(Catalogs.Problems.Get(RobustPcaFamily.FamilyName).Validate(valid));
        Assert.Empty(Catalogs.Problems.Get(RobustPcaFamily.FamilyName).Validate(valid with { Sparsity = 6 }));
        var bad = change switch
        {
            "sparsity=missing" => valid with { Sparsity = null },
            "sparsity=-1" => valid with { Sparsity = -1 },
            "sparsity=7" => valid with { Sparsity = 7 },
            "m=10" => valid with { M = 10 },
            "depth=2" => valid with { Depth = 2 },
            "p=0.5" => valid with { P = 0.5 },
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };
        Assert.Contains(new RobustPcaFamily().Validate(bad), e => e.StartsWith(field + ":", StringComparison.Ordinal));
    }

    private static Matrix<double> TestMatrix(ReadOnlySpan<double> values, int rows, int cols) =>
        Matrix<double>.Build.DenseOfRowMajor(rows, cols, values.ToArray());

    private static Matrix<double> Model(RobustPcaProblem problem, double[] theta)
    {
        int d1 = problem.D1, d2 = problem.D2, k = problem.Width;
        return Matrix<double>.Build.DenseOfRowMajor(d1, k, theta[..(d1 * k)]) * Matrix<double>.Build.DenseOfRowMajor(d2, k, theta[(d1 * k)..]).Transpose();
    }

    /// <summary>E = Y - L R^T (row-major).</summary>
    private static double[] Residual(RobustPcaProblem problem, double[] theta, double[]? observed = null)
    {
        var y = TestMatrix(observed ?? problem.Observed.ToArray(), problem.D1, problem.D2);
        return (y - Model(problem, theta)).ToRowMajorArray();
    }

    /// <summary>Projection onto the l1 ball by bisection on the threshold t of sign(v) (|v| - t)_+ (independent of the sort-based code).</summary>
    private static double[] ProjectByBisection(double[] v, double radius)
    {
        if (v.Sum(Math.Abs) <= radius) return (double[])v.Clone();
        double low = 0, high = v.Max(Math.Abs);
        for (var i = 0; i < 200; i++)
        {
            var mid = 0.5 * (low + high);
            if (v.Sum(x => Math.Max(Math.Abs(x) - mid, 0)) > radius) low = mid; else high = mid;
        }
        var t = 0.5 * (low + high);
        return v.Select(x => Math.Sign(x) * Math.Max(Math.Abs(x) - t, 0)).ToArray();
    }

    /// <summary>theta of U S^{1/2} c, V S^{1/2} / c (c = (d1/d2)^{1/4} when weighted, else 1), zero-padded to width k.</summary>
    private static double[] BalancedFactors(RobustPcaProblem problem, ReadOnlySpan<double> x, bool weighted = false)
    {
        int d1 = problem.D1, d2 = problem.D2, k = problem.Width;
        var svd = TestMatrix(x, d1, d2).Svd();
        var c = weighted ? Math.Pow(d1 / (double)d2, 0.25) : 1;
        var rank = Math.Min(k, svd.S.Count(s => s > 1e-12));
        var root = Matrix<double>.Build.DiagonalOfDiagonalArray(svd.S.Take(rank).Select(Math.Sqrt).ToArray());
        var l = Matrix<double>.Build.Dense(d1, k);
        var r = Matrix<double>.Build.Dense(d2, k);
        l.SetSubMatrix(0, 0, c * svd.U.SubMatrix(0, d1, 0, rank) * root);
        r.SetSubMatrix(0, 0, svd.VT.Transpose().SubMatrix(0, d2, 0, rank) * root / c);
        return [.. l.ToRowMajorArray(), .. r.ToRowMajorArray()];
    }
}
