using MathNet.Numerics.LinearAlgebra;
using Sweeps.Numerics.Methods;
using Sweeps.Numerics.Problems;
using Sweeps.Numerics.Problems.Sensing;
using Sweeps.Numerics.Random;
using Sweeps.Numerics.Trials;

namespace Sweeps.Numerics.Tests.Convex;

/// <summary>flat-convex and nuclear on the real sensing families, and their parameter checks.</summary>
public sealed class ConvexMethodTests
{
    [Theory]
    [InlineData("flat-convex", 12, 110)]
    [InlineData("nuclear", 12, 110)]
    [InlineData("flat-convex", 20, 200)]
    public void General_sensing_recovers_well_above_the_statistical_dimension(string method, int d, int m)
    {
        var (problem, theta, solution) = Run("general-sensing", method, d, m, k: d);
        Assert.Equal(TrialStatus.Converged, solution.Status);
        Assert.True(RelativeError(problem, theta) < 1e-6);
    }

    [Theory]
    [InlineData("flat-convex")]
    [InlineData("nuclear")]
    public void General_sensing_fails_far_below_the_statistical_dimension(string method)
    {
        var (problem, theta, _) = Run("general-sensing", method, 12, 40, k: 12);
        Assert.True(RelativeError(problem, theta) > 1e-2);
    }

    [Theory]
    [InlineData("flat-convex", 60, true)]
    [InlineData("nuclear", 60, true)]
    [InlineData("flat-convex", 20, false)]
    public void Symmetric_sensing_returns_a_feasible_psd_point_that_recovers_above_the_threshold(string method, int m, bool recovers)
    {
        var (problem, theta, solution) = Run("symmetric-sensing", method, 12, m, k: 12);
        Assert.Equal(TrialStatus.Converged, solution.Status);
        var u = Matrix<double>.Build.DenseOfRowMajor(12, 12, theta);
        var x = u * u.Transpose();
        var ax = new double[m];
        problem.Measurements.Apply(x.ToRowMajorArray(), ax);
        var b = problem.Data.ToArray();
        Assert.True(Math.Sqrt(ax.Zip(b, (p, q) => (p - q) * (p - q)).Sum() / b.Sum(v => v * v)) < 1e-8);
        Assert.Equal(recovers, RelativeError(problem, theta) < 1e-6);
    }

    [Fact]
    public void Flat_convex_attains_four_times_the_weighted_nuclear_norm_as_hessian_trace_and_beats_nuclear()
    {
        var (problem, flatTheta, _) = Run("general-sensing", "flat-convex", 12, 60, k: 12);
        var (_, nuclearTheta, _) = Run("general-sensing", "nuclear", 12, 60, k: 12);
        var p = TestMatrices.Of(problem.LeftWeight, 12, 12);
        var q = TestMatrices.Of(problem.RightWeight, 12, 12);
        var x = Model(problem, flatTheta);
        var expected = 4 * TestMatrices.WeightedNuclearNorm(x, p, q);
        Assert.Equal(expected, problem.HessianTrace(flatTheta), 1e-8 * expected);
        Assert.True(problem.HessianTrace(flatTheta) < problem.HessianTrace(nuclearTheta));
    }

    [Fact]
    public void Rank_above_k_is_truncated_with_a_reason()
    {
        var (_, _, solution) = Run("general-sensing", "nuclear", 12, 40, k: 2);
        Assert.Contains("> k = 2", solution.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Trial_runner_reports_success_and_the_flat_trace_of_the_truth_reproducibly()
    {
        var parameters = Parameters("general-sensing", "flat-convex", 12, 110, 12) with { Success = new SuccessCriterion(1e-6) };
        var result = TrialRunner.Run(parameters);
        Assert.Equal(TrialStatus.Converged, result.Status);
        Assert.True(result.Success);
        Assert.Equal(result.FlatTraceAtTruth, result.HessianTrace, 1e-6 * result.FlatTraceAtTruth);
        Assert.True(result.SameNumbersAs(TrialRunner.Run(parameters)));
    }

    [Fact]
    public void Iteration_cap_from_max_iters_gives_iteration_limit()
    {
        var (_, _, solution) = Run("general-sensing", "flat-convex", 12, 110, k: 12, maxIters: 5);
        Assert.Equal(TrialStatus.IterationLimit, solution.Status);
        Assert.Equal(5, solution.Iterations);
    }

    [Fact]
    public void Problems_without_a_convex_program_are_reported_not_thrown()
    {
        var solution = Catalogs.Methods.Get("flat-convex").Solve(new ScalarProductProblem(), MethodParameters.Defaults, new TrialSeed(1), default);
        Assert.Equal(TrialStatus.Diverged, solution.Status);
        Assert.Contains("scalar-product", solution.Reason, StringComparison.Ordinal);
        Assert.Contains("IConvexRecoverable", solution.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("flat-convex")]
    [InlineData("nuclear")]
    public void Only_max_iters_is_accepted(string name)
    {
        var method = Catalogs.Methods.Get(name);
        Assert.Empty(method.Validate(MethodParameters.Defaults));
        Assert.Empty(method.Validate(new MethodParameters { MaxIters = 500 }));

        var errors = method.Validate(new MethodParameters { Lambda = 0.5, Rho = 0.25, MaxIters = 0 });
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("lambda: 0.5", StringComparison.Ordinal) && e.Contains($"{name} takes only max_iters", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("rho: 0.25", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("max_iters: 0", StringComparison.Ordinal) && e.Contains("positive whole number", StringComparison.Ordinal));
        Assert.Single(method.Validate(new MethodParameters { Alpha = 1e-3 }), e => e.StartsWith("alpha: 0.001", StringComparison.Ordinal));
        Assert.Single(method.Validate(new MethodParameters { Step = 0.1 }), e => e.StartsWith("step: 0.1", StringComparison.Ordinal));
    }

    private static TrialParameters Parameters(string family, string method, int d, int m, int k, int? maxIters = null) => new()
    {
        Problem = family,
        Method = method,
        D1 = d,
        D2 = d,
        R = 2,
        K = k,
        M = m,
        MethodParameters = new MethodParameters { MaxIters = maxIters },
        Seed = 1234,
    };

    private static (IMatrixSensingProblem Problem, double[] Theta, Solution Solution) Run(
        string family, string method, int d, int m, int k, int? maxIters = null)
    {
        var parameters = Parameters(family, method, d, m, k, maxIters);
        var seed = new TrialSeed(parameters.Seed);
        var problem = (IMatrixSensingProblem)Catalogs.Problems.Get(family).Sample(parameters, seed);
        var solution = Catalogs.Methods.Get(method).Solve(problem, parameters.MethodParameters, seed, default);
        return (problem, solution.Theta, solution);
    }

    /// <summary>X = L R^T from theta = [L, R] (general), or U U^T (symmetric).</summary>
    private static Matrix<double> Model(IMatrixSensingProblem problem, double[] theta)
    {
        int d1 = problem.D1, d2 = problem.D2, k = problem.Width;
        var l = Matrix<double>.Build.DenseOfRowMajor(d1, k, theta[..(d1 * k)]);
        var r = problem.Symmetric ? l : Matrix<double>.Build.DenseOfRowMajor(d2, k, theta[(d1 * k)..]);
        return l * r.Transpose();
    }

    private static double RelativeError(IMatrixSensingProblem problem, double[] theta)
    {
        var truth = problem switch
        {
            GeneralSensingProblem g => g.Truth.ToArray(),
            SymmetricSensingProblem s => s.Truth.ToArray(),
            _ => throw new ArgumentException("unexpected problem", nameof(problem)),
        };
        var m = Matrix<double>.Build.DenseOfRowMajor(problem.D1, problem.D2, truth);
        return (Model(problem, theta) - m).FrobeniusNorm() / m.FrobeniusNorm();
    }
}
