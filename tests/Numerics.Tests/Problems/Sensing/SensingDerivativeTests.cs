using Sweeps.Numerics.Problems;
using static Sweeps.Numerics.Tests.Problems.Sensing.SensingInstances;

namespace Sweeps.Numerics.Tests.Problems.Sensing;

/// <summary>Gradients and exact Hessian traces against finite differences, at random (nonzero-loss) points.</summary>
public sealed class SensingDerivativeTests
{
    public static TheoryData<string, int, int, int, int, int> Sizes => new()
    {
        { "general", 4, 3, 1, 3, 7 },
        { "general", 5, 6, 2, 4, 20 },
        { "general", 3, 7, 2, 7, 15 },
        { "symmetric", 4, 4, 1, 3, 6 },
        { "symmetric", 6, 6, 2, 6, 15 },
        { "symmetric", 7, 7, 3, 9, 20 },
    };

    private static IFactorizedProblem Sample(string kind, int d1, int d2, int r, int k, int m, double noise) =>
        kind == "general" ? General(d1, d2, r, k, m, seed: 11, noise) : Symmetric(d1, r, k, m, seed: 11, noise);

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Gradient_matches_central_differences_of_the_loss(string kind, int d1, int d2, int r, int k, int m)
    {
        var problem = Sample(kind, d1, d2, r, k, m, noise: 0.1);
        var theta = RandomPoint(problem, 5);
        var gradient = Gradient(problem, theta);
        Assert.True(RelativeDifference(gradient, FiniteDifferenceGradient(problem, theta)) < 1e-6);
        Assert.Equal(problem.Loss(theta), problem.LossAndGradient(theta, gradient));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Exact_hessian_trace_matches_the_trace_of_a_finite_difference_hessian(string kind, int d1, int d2, int r, int k, int m)
    {
        var problem = Sample(kind, d1, d2, r, k, m, noise: 0.1);
        var theta = RandomPoint(problem, 6);
        Assert.True(problem.Loss(theta) > 1e-2, "the point must be far from the zero-loss set");
        var reference = Trace(FiniteDifferenceHessian(problem, theta));
        Assert.True(RelativeDifference(problem.HessianTrace(theta), reference) < 1e-5);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Flat_penalty_gradient_matches_central_differences_of_its_value(string kind, int d1, int d2, int r, int k, int m)
    {
        var problem = Sample(kind, d1, d2, r, k, m, noise: 0);
        var theta = RandomPoint(problem, 7);
        var gradient = new double[theta.Length];
        var value = problem.AddFlatPenalty(theta, 1.0, gradient);
        var reference = FiniteDifferencePenaltyGradient(problem, theta);
        Assert.True(RelativeDifference(gradient, reference) < 1e-6);

        // scale multiplies the added gradient, and it is added, not written.
        var twice = (double[])gradient.Clone();
        Assert.Equal(value, problem.AddFlatPenalty(theta, 1.0, twice));
        Assert.True(RelativeDifference(twice, gradient.Select(g => 2 * g).ToArray()) < 1e-14);
    }

    /// <summary>The fused objective f + lambda pen and its gradient equal the two separate evaluations (each checked by finite differences above).</summary>
    [Theory]
    [InlineData(4, 1, 3, 6, 0.3)]
    [InlineData(7, 3, 9, 20, 2.5)]
    [InlineData(9, 2, 9, 30, 0)]
    public void Fused_penalized_objective_equals_loss_plus_penalty(int d, int r, int k, int m, double lambda)
    {
        var problem = Symmetric(d, r, k, m, seed: 12, noise: 0.1);
        var theta = RandomPoint(problem, 8);
        var expected = new double[theta.Length];
        var expectedValue = problem.LossAndGradient(theta, expected) + lambda * problem.AddFlatPenalty(theta, lambda, expected);
        var gradient = Enumerable.Repeat(double.NaN, theta.Length).ToArray();
        var value = problem.PenalizedLossAndGradient(theta, lambda, gradient);
        Assert.True(RelativeDifference(value, expectedValue) < 1e-13);
        Assert.True(RelativeDifference(gradient, expected) < 1e-13);
    }
}
