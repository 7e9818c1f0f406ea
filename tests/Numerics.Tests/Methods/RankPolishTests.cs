using MathNet.Numerics.LinearAlgebra;
using Sweeps.Numerics.Methods;
using Sweeps.Numerics.Optimization;
using Sweeps.Numerics.Problems.Sensing;
using Sweeps.Numerics.Tests.Problems.Sensing;
using Sweeps.Numerics.Trials;

namespace Sweeps.Numerics.Tests.Methods;

/// <summary>
/// The rank polish of the nonconvex methods (docs/METHODS.md "Rank polish"): a cut keeps the rest of the model and is kept
/// by the iteration; a run near zero loss ends at the loss floor; a cut that would move the model further than it cut is
/// refused; and gd-random-init above the PSD feasibility threshold ends at the floor.
/// </summary>
public sealed class RankPolishTests
{
    private const int D = 8;

    [Fact]
    public void A_cut_factor_keeps_its_rank_under_lbfgs()
    {
        var problem = SensingInstances.Symmetric(D, 2, D, 30, seed: 6);
        var theta = SensingInstances.RandomPoint(problem, 3);
        var before = problem.ModelSingularValues(theta);
        problem.KeepRank(theta, 2);
        var after = problem.ModelSingularValues(theta);
        Assert.Equal(before[0], after[0], 12);
        Assert.Equal(before[1], after[1], 12);
        Assert.True(after[2] < 1e-14 * after[0], $"sigma_3 = {after[2]}");

        new Lbfgs(theta.Length).Minimize(problem.LossAndGradient, theta, new StoppingRule(50, 0));
        var moved = problem.ModelSingularValues(theta);
        Assert.NotEqual(after[0], moved[0]);
        Assert.True(moved[2] < 1e-12 * moved[0], $"sigma_3 = {moved[2]} after 50 L-BFGS steps");
    }

    [Fact]
    public void A_run_with_a_spare_component_near_zero_loss_is_finished_at_the_floor()
    {
        var problem = SensingInstances.Symmetric(D, 2, D, 30, seed: 7);
        var theta = WithSpareColumn(problem, TruthFactor(problem), 1e-4);
        var rule = ZeroLossRule.For(problem, 20000);
        var lbfgs = new Lbfgs(theta.Length);

        var solution = RankPolish.Minimize(problem, theta, rule, (segment, resume) => resume
            ? lbfgs.Resume(problem.LossAndGradient, theta, segment)
            : lbfgs.Minimize(problem.LossAndGradient, theta, segment), default);

        Assert.Equal(TrialStatus.Converged, solution.Status);
        Assert.True(problem.Loss(theta) <= rule.ValueFloor, $"loss {problem.Loss(theta)} above the floor {rule.ValueFloor}");
        Assert.True(problem.Evaluate(theta).RelError < 1e-9, $"error {problem.Evaluate(theta).RelError}");
        Assert.True(solution.Iterations < 1000, $"{solution.Iterations} iterations");
    }

    [Theory]
    [InlineData(0.0, true)]
    [InlineData(1e-5, false)]
    public void A_cut_is_kept_only_when_the_polish_moves_the_model_no_further_than_the_cut(double shift, bool kept)
    {
        // The truth's factor moved by `shift` in its own columns, plus a spare component of X of size 1e-8: the cut drops
        // 1e-8, and the polish then has to move X by about `shift` to reach the interpolant.
        var problem = SensingInstances.Symmetric(D, 2, D, 30, seed: 8);
        var theta = WithSpareColumn(problem, TruthFactor(problem), 1e-4);
        var push = SensingInstances.RandomPoint(problem, 9);
        for (var i = 0; i < D; i++)
            for (var j = 0; j < 2; j++)
                theta[i * D + j] += shift * push[i * D + j];
        var start = (double[])theta.Clone();
        var rule = ZeroLossRule.For(problem, 20000);
        // The method "stopped" where it was: its cap, at this loss.
        OptimizationResult Stopped(StoppingRule segment, bool resume) =>
            new(TrialStatus.IterationLimit, segment.MaxIterations, 1, problem.Loss(theta), 0, "stopped");

        var solution = RankPolish.Minimize(problem, theta, rule with { MaxIterations = 1 }, Stopped, default);
        Assert.Equal(TrialStatus.IterationLimit, solution.Status);
        Assert.Equal(start, theta);

        solution = RankPolish.Minimize(problem, theta, rule, (segment, resume) => new(TrialStatus.IterationLimit, 100, 1, problem.Loss(theta), 0, "stopped"), default);
        Assert.Equal(kept ? TrialStatus.Converged : TrialStatus.IterationLimit, solution.Status);
        if (kept) Assert.True(problem.Evaluate(theta).RelError < 1e-9, $"error {problem.Evaluate(theta).RelError}");
        else Assert.Equal(start, theta);
    }

    [Fact]
    public void Random_init_above_the_feasibility_threshold_ends_at_the_loss_floor()
    {
        // d = 20, r = 2: every PSD interpolant is the truth above m = 3 + 36 + 18 * 19 / 4 = 124.5. Without the polish these
        // runs stop by the gradient test at losses near 1e-14, or crawl on (docs/METHODS.md, gd-random-init).
        var results = SensingTrials.Run(RandomInitLbfgsMethod.MethodName, 150, 10);
        Assert.All(results, r =>
        {
            Assert.Equal(TrialStatus.Converged, r.Status);
            Assert.True(r.Loss < 1e-19 && r.RelError < 1e-8 && r.Rank == 2, $"loss {r.Loss}, error {r.RelError}, rank {r.Rank}, {r.Iterations} iterations");
        });
    }

    /// <summary>U = V sqrt(Lambda) from the truth's top two eigenpairs, in columns 0 and 1 of a D x D factor.</summary>
    private static double[] TruthFactor(SymmetricSensingProblem problem)
    {
        var evd = Matrix<double>.Build.DenseOfRowMajor(D, D, problem.Truth.ToArray()).Evd(Symmetricity.Symmetric);
        var theta = new double[D * D];
        for (var c = 0; c < 2; c++)
            for (var i = 0; i < D; i++)
                theta[i * D + c] = Math.Sqrt(Math.Max(evd.EigenValues[D - 1 - c].Real, 0)) * evd.EigenVectors[i, D - 1 - c];
        return theta;
    }

    /// <summary>Adds a fifth column of norm <paramref name="size"/> along the truth's null space (X gains size^2 v v^T).</summary>
    private static double[] WithSpareColumn(SymmetricSensingProblem problem, double[] theta, double size)
    {
        var evd = Matrix<double>.Build.DenseOfRowMajor(D, D, problem.Truth.ToArray()).Evd(Symmetricity.Symmetric);
        for (var i = 0; i < D; i++) theta[i * D + 4] += size * evd.EigenVectors[i, 0];
        return theta;
    }
}
