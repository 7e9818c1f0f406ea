using Sweeps.Numerics.LinearAlgebra;
using Sweeps.Numerics.Optimization;
using Sweeps.Numerics.Trials;

namespace Sweeps.Numerics.Tests.Optimization;

public sealed class GradientDescentTests
{
    private const int N = 20;
    private readonly Objective _quadratic;
    private readonly double[] _minimizer;
    private readonly double _largestEigenvalue;

    public GradientDescentTests()
    {
        (_quadratic, var hessian, _minimizer) = TestObjectives.Quadratic(N, 3);
        _largestEigenvalue = TestObjectives.LargestEigenvalue(hessian, N);
    }

    [Fact]
    public void Converges_on_a_quadratic_with_step_one_over_the_largest_eigenvalue()
    {
        var x = new double[N];
        var result = new GradientDescent(N).Minimize(_quadratic, x, 1 / _largestEigenvalue, new StoppingRule(100_000, GradientTolerance: 1e-11));
        Assert.Equal(TrialStatus.Converged, result.Status);
        var error = Kernels.Distance(x, _minimizer);
        Assert.True(error < 1e-8, $"||x - x*|| = {error}");
    }

    [Fact]
    public void Backtracking_converges_from_a_step_a_hundred_times_too_large_where_a_fixed_step_diverges()
    {
        var values = new List<double>();
        double Recording(ReadOnlySpan<double> point, Span<double> gradient)
        {
            var value = _quadratic(point, gradient);
            values.Add(value);
            return value;
        }
        var x = new double[N];
        var result = new GradientDescent(N).MinimizeBacktracking(Recording, x, 100 / _largestEigenvalue, new StoppingRule(100_000, GradientTolerance: 1e-11));
        Assert.Equal(TrialStatus.Converged, result.Status);
        Assert.Equal(values.Count, result.Evaluations);
        Assert.True(Kernels.Distance(x, _minimizer) < 1e-8, $"||x - x*|| = {Kernels.Distance(x, _minimizer)}");
        // Steps are only taken on sufficient decrease, so the returned point has the lowest value ever evaluated.
        Assert.Equal(values.Min(), result.Value);
        Assert.Equal(TrialStatus.Diverged, new GradientDescent(N).Minimize(_quadratic, new double[N], 100 / _largestEigenvalue, new StoppingRule(100_000)).Status);
    }

    [Fact]
    public void Reports_divergence_when_the_step_exceeds_two_over_the_largest_eigenvalue()
    {
        var result = new GradientDescent(N).Minimize(_quadratic, new double[N], 2.5 / _largestEigenvalue, new StoppingRule(100_000));
        Assert.Equal(TrialStatus.Diverged, result.Status);
        Assert.True(result.Iterations < 100_000);
        Assert.NotNull(result.Reason);
    }

    [Fact]
    public void Reports_divergence_when_a_quartic_overflows()
    {
        // F(x) = sum x_i^4: from x = 10 a step of 1 overshoots to ever larger |x| until F is infinite.
        static double Quartic(ReadOnlySpan<double> x, Span<double> g)
        {
            var f = 0.0;
            for (var i = 0; i < x.Length; i++)
            {
                f += x[i] * x[i] * x[i] * x[i];
                g[i] = 4 * x[i] * x[i] * x[i];
            }
            return f;
        }
        var x = new[] { 10.0, -10.0 };
        var result = new GradientDescent(2).Minimize(Quartic, x, 1.0, new StoppingRule(1000, DivergenceFactor: double.PositiveInfinity));
        Assert.Equal(TrialStatus.Diverged, result.Status);
        Assert.Contains("non-finite", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_the_iteration_limit()
    {
        var result = new GradientDescent(N).Minimize(_quadratic, new double[N], 1 / _largestEigenvalue, new StoppingRule(5));
        Assert.Equal(TrialStatus.IterationLimit, result.Status);
        Assert.Equal(5, result.Iterations);
    }
}
