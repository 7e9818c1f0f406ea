using Sweeps.Numerics.Convex;
using Sweeps.Numerics.LinearAlgebra;
using Sweeps.Numerics.Methods;
using Sweeps.Numerics.Problems;
using Sweeps.Numerics.Random;
using Sweeps.Numerics.Tests.Methods;
using Sweeps.Numerics.Trials;

namespace Sweeps.Numerics.Tests.Convex;

/// <summary>
/// The measured duality gap of the trace-norm programs (nuclear / weighted nuclear / PSD trace): certified
/// trials have a gap below the tolerance, a certified optimum that beats the truth is a certified failure,
/// and corrupted solutions fail certification.
/// </summary>
public sealed class TraceNormCertificateTests
{
    [Theory]
    [InlineData("symmetric-sensing", "flat-convex")]
    [InlineData("symmetric-sensing", "nuclear")]
    [InlineData("general-sensing", "flat-convex")]
    [InlineData("general-sensing", "nuclear")]
    public void Converged_trials_are_certified_with_a_gap_below_the_tolerance(string problem, string method)
    {
        foreach (var m in new[] { 60, 140 })
            for (var t = 0; t < 2; t++)
            {
                var result = TrialRunner.Run(SensingTrials.Parameters(method, m, t, problem: problem));
                Assert.Equal(TrialStatus.Converged, result.Status);
                Assert.True(result.Certified, $"m = {m}, trial {t}: gap {result.DualityGap:G3}");
                if (double.IsNaN(result.DualityGap))
                {
                    // Certified by refuting the truth (a feasible point beats it): only ever a failure.
                    Assert.Contains("the truth is not the minimizer", result.Reason, StringComparison.Ordinal);
                    Assert.False(result.Success);
                }
                else
                    Assert.InRange(result.DualityGap, -Certificate.FirstOrderTolerance, Certificate.FirstOrderTolerance);
            }
    }

    /// <summary>
    /// Symmetric d = 20, rank 2, m = 40 is far below the transition: flat-convex's certified minimizer has a smaller
    /// weighted trace than the (feasible) truth, so the truth is not the minimizer and the trial is a certified failure.
    /// </summary>
    [Fact]
    public void A_truth_that_is_not_the_minimizer_is_a_certified_failure()
    {
        for (var t = 0; t < 3; t++)
        {
            var result = TrialRunner.Run(SensingTrials.Parameters("flat-convex", 40, t));
            Assert.True(result.Certified, $"trial {t}: gap {result.DualityGap:G3}");
            Assert.False(result.Success);
            Assert.True(result.HessianTrace < result.FlatTraceAtTruth * (1 - 1e-3), $"trial {t}: {result.HessianTrace} vs truth {result.FlatTraceAtTruth}");
        }
    }

    /// <summary>
    /// The early failure verdict (<see cref="TruthRefutation"/>) against solving to the minimizer, on the same instances:
    /// the same verdict every time, never a refutation where the truth is recovered, and a refuted trial returns a
    /// feasible interpolant with a smaller weighted nuclear norm (flat trace) than the truth's, in fewer iterations.
    /// (PSD programs get no refutation: their affine iterate is not PSD.)
    /// </summary>
    [Theory]
    [InlineData("general-sensing", 80, 4)]
    [InlineData("general-sensing", 150, 0)]
    [InlineData("bilinear-sensing", 80, 4)]
    [InlineData("bilinear-sensing", 260, 0)]
    public void Refuting_the_truth_gives_the_verdict_of_solving_to_the_minimizer(string family, int m, int refutations)
    {
        var refuted = 0;
        for (var t = 0; t < 4; t++)
        {
            var parameters = SensingTrials.Parameters("flat-convex", m, t, problem: family);
            var problem = (IMatrixSensingProblem)Catalogs.Problems.Get(family).Sample(parameters, new TrialSeed(parameters.Seed));
            var early = ConvexSensing.Solve(problem, ConvexObjective.Flat, new ConvexOptions(), default);
            var full = ConvexSensing.Solve(problem, ConvexObjective.Flat, new ConvexOptions(RefuteTruth: false), default);
            var (earlyError, fullError) = (problem.Evaluate(early.Theta).RelError, problem.Evaluate(full.Theta).RelError);
            Assert.Equal(fullError < 1e-6, earlyError < 1e-6);
            if (early.Certificate!.RefutesTruth)
            {
                refuted++;
                Assert.True(fullError > 1e-3, $"trial {t}: refuted, yet the minimizer has error {fullError:G3}");
                Assert.True(early.Iterations <= full.Iterations, $"trial {t}: {early.Iterations} > {full.Iterations} iterations");
                Assert.True(problem.Loss(early.Theta) < 1e-16, $"trial {t}: loss {problem.Loss(early.Theta):G3}");
                Assert.True(problem.HessianTrace(early.Theta) < problem.FlatTraceAtTruth * (1 - TruthRefutation.Margin));
            }
        }
        Assert.Equal(refutations, refuted);
    }

    [Fact]
    public void A_corrupted_solution_fails_certification()
    {
        const int d = 10;
        var instance = SensingInstance.Sample(d, d, 2, 60, symmetric: false, seed: 3);
        var constraint = AffineProjector.Build(instance.Operator, instance.Data, SpdRoots.Identity(d), SpdRoots.Identity(d));
        var result = TraceNormSolver.Solve(constraint, d, d, psd: false, new ConvexOptions(), default);
        Assert.True(result.Certificate!.Certified);
        var multiplier = result.Multiplier!;

        // Off the constraint set: Z scaled by 1 + 1e-6.
        var scaled = result.Solution with { Values = result.Solution.Values.Select(v => v * (1 + 1e-6)).ToArray() };
        var off = TraceNormCertificate.Check(constraint, scaled, multiplier, psd: false);
        Assert.False(off.Certified);
        Assert.True(off.PrimalResidual > Certificate.FirstOrderTolerance);

        // Feasible but not optimal: Proj(Z + E) for a random E of relative size 1e-3.
        var dense = new double[d * d];
        result.Solution.WriteDense(dense);
        var stream = new TrialSeed(5).Stream(StreamPurpose.Probes);
        var scale = 1e-3 * Kernels.Norm(dense) / d;
        for (var i = 0; i < dense.Length; i++) dense[i] += scale * stream.NextNormal();
        constraint.Project(dense);
        var moved = SpectralShrinkage.Shrink(dense, d, d, 0, psd: false);
        var corrupted = TraceNormCertificate.Check(constraint, moved, multiplier, psd: false);
        Assert.True(corrupted.PrimalResidual <= Certificate.FirstOrderTolerance);
        Assert.False(corrupted.Certified, $"gap {corrupted.DualityGap:G3}");
    }

    [Fact]
    public void Nonconvex_methods_have_no_certificate()
    {
        var result = TrialRunner.Run(SensingTrials.Parameters("gd-random-init", 80, 0));
        Assert.Null(result.Certified);
        Assert.True(double.IsNaN(result.DualityGap));
    }
}
