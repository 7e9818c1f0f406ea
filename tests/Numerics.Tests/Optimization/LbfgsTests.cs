using Sweeps.Numerics.LinearAlgebra;
using Sweeps.Numerics.Optimization;
using Sweeps.Numerics.Trials;

namespace Sweeps.Numerics.Tests.Optimization;

public sealed class LbfgsTests
{
    [Fact]
    public void Minimizes_a_strictly_convex_quadratic_to_its_closed_form_minimizer()
    {
        const int n = 40;
        var (objective, _, minimizer) = TestObjectives.Quadratic(n, 11);
        var x = new double[n];
        var result = new Lbfgs(n).Minimize(objective, x, new StoppingRule(500, GradientTolerance: 1e-12));
        Assert.Equal(TrialStatus.Converged, result.Status);
        var error = Kernels.Distance(x, minimizer);
        Assert.True(error < 1e-9, $"||x - x*|| = {error}");
        Assert.True(result.Iterations < 200, $"{result.Iterations} iterations");
    }

    [Fact]
    public void Minimizes_the_extended_Rosenbrock_function()
    {
        var x = new double[20];
        for (var i = 0; i < x.Length; i += 2) (x[i], x[i + 1]) = (-1.2, 1.0);
        var result = new Lbfgs(x.Length).Minimize(TestObjectives.Rosenbrock, x, new StoppingRule(2000, GradientTolerance: 1e-10));
        Assert.Equal(TrialStatus.Converged, result.Status);
        Assert.All(x, v => Assert.Equal(1.0, v, 1e-7));
    }

    [Fact]
    public void Reports_the_iteration_limit_when_the_cap_is_tiny()
    {
        var x = new[] { -1.2, 1.0 };
        var result = new Lbfgs(2).Minimize(TestObjectives.Rosenbrock, x, new StoppingRule(3));
        Assert.Equal(TrialStatus.IterationLimit, result.Status);
        Assert.Equal(3, result.Iterations);
        Assert.NotNull(result.Reason);
        // It still made progress from F(x0) = 24.2.
        Assert.True(result.Value < 24.2);
    }

    [Fact]
    public void Reports_divergence_on_an_objective_unbounded_below()
    {
        // F(x) = sum_i x_i^2 - (sum_i x_i)^3 / 10: unbounded below along (1, ..., 1).
        static double Objective(ReadOnlySpan<double> x, Span<double> g)
        {
            var s = 0.0;
            var q = 0.0;
            foreach (var v in x) { s += v; q += v * v; }
            for (var i = 0; i < x.Length; i++) g[i] = 2 * x[i] - 0.3 * s * s;
            return q - s * s * s / 10;
        }
        var x = new[] { 5.0, 5.0, 5.0 };
        var result = new Lbfgs(3).Minimize(Objective, x, new StoppingRule(1000));
        Assert.Equal(TrialStatus.Diverged, result.Status);
        Assert.Contains("left the bound", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_divergence_when_the_objective_is_NaN_at_the_start()
    {
        var x = new[] { 1.0, 2.0 };
        var result = new Lbfgs(2).Minimize((_, g) => { g.Fill(1); return double.NaN; }, x, new StoppingRule(100));
        Assert.Equal(TrialStatus.Diverged, result.Status);
        Assert.Equal(0, result.Iterations);
    }

    [Fact]
    public void Reports_divergence_when_the_objective_turns_NaN_everywhere_but_the_start()
    {
        var start = new[] { 1.0, 2.0 };
        double Objective(ReadOnlySpan<double> x, Span<double> g)
        {
            x.CopyTo(g);
            return x.SequenceEqual(start) ? 2.5 : double.NaN;
        }
        var x = (double[])start.Clone();
        var result = new Lbfgs(2).Minimize(Objective, x, new StoppingRule(100));
        Assert.Equal(TrialStatus.Diverged, result.Status);
        Assert.Equal(start, x);
    }

    [Fact]
    public void Steps_around_a_region_where_the_objective_is_undefined()
    {
        // F = ||x - c||^2 / 2 on x_0 < 3, NaN beyond: a first unit step from x0 lands in the NaN region.
        var c = new[] { 2.0, -1.0 };
        static double Objective(ReadOnlySpan<double> x, Span<double> g, double[] c)
        {
            g[0] = x[0] - c[0];
            g[1] = x[1] - c[1];
            return x[0] >= 3 ? double.NaN : 0.5 * (g[0] * g[0] + g[1] * g[1]);
        }
        var x = new[] { -30.0, -1.0 };
        var result = new Lbfgs(2).Minimize((x, g) => Objective(x, g, c), x, new StoppingRule(100, GradientTolerance: 1e-12));
        Assert.Equal(TrialStatus.Converged, result.Status);
        Assert.Equal(2.0, x[0], 1e-10);
        Assert.Equal(-1.0, x[1], 1e-10);
    }

    [Fact]
    public void Allocates_nothing_while_minimizing()
    {
        const int n = 30;
        var (objective, _, _) = TestObjectives.Quadratic(n, 5);
        var lbfgs = new Lbfgs(n);
        var rule = new StoppingRule(500, GradientTolerance: 1e-12);
        lbfgs.Minimize(objective, new double[n], rule);
        var x = new double[n];
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = lbfgs.Minimize(objective, x, rule);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(TrialStatus.Converged, result.Status);
        Assert.True(result.Iterations > 10);
        Assert.Equal(0, allocated);
    }
}
