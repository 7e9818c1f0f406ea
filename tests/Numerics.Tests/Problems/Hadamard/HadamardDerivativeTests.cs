using Sweeps.Numerics.LinearAlgebra;
using Sweeps.Numerics.Random;
using static Sweeps.Numerics.Tests.Problems.Hadamard.HadamardInstances;
using static Sweeps.Numerics.Tests.Problems.Sensing.SensingInstances;

namespace Sweeps.Numerics.Tests.Problems.Hadamard;

/// <summary>hadamard-sparse: gradient, exact Hessian trace and flat penalty against finite differences; flat trace and initialization scale.</summary>
public sealed class HadamardDerivativeTests
{
    public static TheoryData<int> Depths => [1, 2, 3, 4];

    [Theory]
    [MemberData(nameof(Depths))]
    public void Gradient_matches_central_differences_of_the_loss(int depth)
    {
        var problem = Sample(d: 7, r: 2, m: 4, depth, noise: 0.1);
        var theta = RandomPoint(problem, 5);
        Assert.True(RelativeDifference(Gradient(problem, theta), FiniteDifferenceGradient(problem, theta)) < 1e-6);
    }

    [Theory]
    [MemberData(nameof(Depths))]
    public void Exact_hessian_trace_matches_the_trace_of_a_finite_difference_hessian(int depth)
    {
        var problem = Sample(d: 7, r: 2, m: 4, depth, noise: 0.1);
        var theta = RandomPoint(problem, 6);
        Assert.True(problem.Loss(theta) > 1e-2, "the point must be far from the zero-loss set");
        Assert.True(RelativeDifference(problem.HessianTrace(theta), Trace(FiniteDifferenceHessian(problem, theta))) < 1e-5);
    }

    [Theory]
    [MemberData(nameof(Depths))]
    public void Flat_penalty_is_the_trace_and_its_gradient_matches_central_differences(int depth)
    {
        var problem = Sample(d: 6, r: 2, m: 4, depth);
        var theta = RandomPoint(problem, 7);
        var gradient = new double[theta.Length];
        Assert.Equal(problem.HessianTrace(theta), problem.AddFlatPenalty(theta, 1.0, gradient), 12);
        var reference = FiniteDifferencePenaltyGradient(problem, theta);
        // At depth 1 the penalty is the constant 2 tr D and both gradients vanish.
        Assert.True(Kernels.Distance(gradient, reference) < 1e-6 * Math.Max(1, Kernels.Norm(reference)));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Flat_trace_at_truth_is_the_balanced_factorization_and_no_rescaling_is_flatter(int depth)
    {
        var problem = Sample(d: 12, r: 4, m: 8, depth);
        var balanced = new double[problem.ParameterCount];
        problem.BalancedFactors(problem.Truth, balanced);
        Assert.True(problem.Loss(balanced) < 1e-25);
        Assert.True(RelativeDifference(problem.HessianTrace(balanced), problem.FlatTraceAtTruth) < 1e-12);

        // Other factorizations of x*: multiply layer l by c_l (per coordinate) with prod_l c_l = 1.
        var stream = new TrialSeed(3).Stream(StreamPurpose.Algorithm);
        for (var trial = 0; trial < 20; trial++)
        {
            var theta = (double[])balanced.Clone();
            for (var i = 0; i < problem.Dimension; i++)
            {
                var last = 1.0;
                for (var l = 0; l < depth - 1; l++)
                {
                    var c = Math.Exp(0.5 * stream.NextNormal());
                    theta[l * problem.Dimension + i] *= c;
                    last /= c;
                }
                theta[(depth - 1) * problem.Dimension + i] *= last;
            }
            Assert.True(problem.Loss(theta) < 1e-25);
            Assert.True(problem.HessianTrace(theta) > problem.FlatTraceAtTruth);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Initialization_has_the_requested_model_norm_on_average(int depth)
    {
        var problem = Sample(d: 50, r: 3, m: 10, depth);
        var mean = MeanSquaredModelNorm(problem, problem.Dimension, (theta, x) => problem.Product(theta, x), 1e-3, draws: 400);
        Assert.InRange(mean / 1e-6, 0.85, 1.15);
    }
}
