using Sweeps.Numerics.Optimization;

namespace Sweeps.Numerics.Methods;

/// <summary>
/// Finishes a nonconvex run on the plain loss that has come close to zero loss but not to the floor of its
/// <see cref="ZeroLossRule"/> (docs/METHODS.md "Rank polish"). An over-parameterized factor (k &gt; rank of the limit)
/// shrinks its spare components only sublinearly, so near the threshold the run stops at loss ~1e-14 with errors ~1e-6 by
/// the gradient test, or crawls to its cap. When X(theta) shows a clear spectral gap, the polish cuts the factor to the rank
/// below the gap (exactly: <see cref="IRankRevealing.KeepRank"/>) and minimizes again with L-BFGS, which then converges
/// linearly. It is kept only if it reaches the floor and moved X no more than <see cref="MaxMove"/> times the cut, so it
/// refines the interpolant the run was approaching rather than jumping to another one.
/// </summary>
internal static class RankPolish
{
    /// <summary>The polish starts only below this loss, relative to f(0).</summary>
    public const double StartLoss = 1e-8;

    /// <summary>A cut goes where sigma_r(X) &gt;= Gap sigma_{r+1}(X).</summary>
    public const double Gap = 100;

    /// <summary>...and drops at most this fraction of ||X||_F.</summary>
    public const double MaxTail = 1e-3;

    /// <summary>A polished X is kept within this many cut sizes of the run's X.</summary>
    public const double MaxMove = 10;

    /// <summary>Each checkpoint is this times the previous one.</summary>
    public const double CheckpointRatio = 1e-2;

    public const int MaxCandidates = 2;

    /// <summary>L-BFGS steps per candidate rank (within the method's remaining budget).</summary>
    public const int Budget = 1000;

    /// <summary>The reduced problem's gradient test: far below the zero-loss rule's, so it rarely preempts the floor.</summary>
    public const double GradientTolerance = 1e-14;

    /// <summary>The outcome: the rank kept (0 when no candidate was kept) and the steps spent on all candidates.</summary>
    public readonly record struct Outcome(int Rank, int Iterations);

    /// <summary>
    /// Runs <paramref name="descend"/> (the method's optimizer from theta under a rule; resuming its own state after the
    /// first segment, so that the pauses leave its path unchanged) to <paramref name="rule"/>, in segments that stop at the checkpoints f = <see cref="StartLoss"/> f(0), 1e-2 times that, ... down to the floor;
    /// at each checkpoint, and where a segment ends near zero loss, tries the polish and stops when it is kept.
    /// </summary>
    public static Solution Minimize(
        IFactorizedProblem problem, double[] theta, StoppingRule rule, Func<StoppingRule, bool, OptimizationResult> descend, CancellationToken cancellation)
    {
        var zeroModel = ZeroLossRule.ZeroModelLoss(rule);
        var spent = 0;
        for (var level = StartLoss * zeroModel; ; level *= CheckpointRatio)
        {
            var target = problem is IRankRevealing ? Math.Max(level, rule.ValueFloor) : rule.ValueFloor;
            var run = descend(rule with { MaxIterations = rule.MaxIterations - spent, ValueFloor = target }, level < StartLoss * zeroModel);
            spent += run.Iterations;
            if (run.Status != TrialStatus.Diverged && run.Value > rule.ValueFloor && run.Value <= StartLoss * zeroModel)
            {
                var polish = TryPolish(problem, theta, rule.ValueFloor, rule.MaxIterations - spent, cancellation);
                spent += polish.Iterations;
                if (polish.Rank > 0) return new Solution(theta, TrialStatus.Converged, spent);
            }
            var checkpoint = run.Status == TrialStatus.Converged && run.Value <= target && target > rule.ValueFloor;
            if (checkpoint) continue;
            var capped = run.Status == TrialStatus.IterationLimit && spent >= rule.MaxIterations;
            return new Solution(theta, run.Status, spent, capped ? $"iteration cap {rule.MaxIterations} reached" : run.Reason);
        }
    }

    /// <summary>
    /// Polishes <paramref name="theta"/> in place on a problem that can cut its rank, within <paramref name="budget"/>
    /// steps; leaves it unchanged when no cut is kept.
    /// </summary>
    private static Outcome TryPolish(IFactorizedProblem problem, double[] theta, double floor, int budget, CancellationToken cancellation)
    {
        if (problem is not IRankRevealing cut || budget <= 0) return new(0, 0);
        var spent = 0;
        var candidate = new double[theta.Length];
        var lbfgs = new Lbfgs(theta.Length);
        foreach (var rank in Ranks(cut.ModelSingularValues(theta)))
        {
            theta.CopyTo(candidate, 0);
            cut.KeepRank(candidate, rank);
            var size = cut.ModelDistance(candidate, theta);
            var polished = lbfgs.Minimize(
                problem.LossAndGradient, candidate, new StoppingRule(Math.Min(Budget, budget - spent), GradientTolerance, floor), cancellation);
            spent += polished.Iterations;
            if (polished.Status == TrialStatus.Converged && polished.Value <= floor && cut.ModelDistance(candidate, theta) <= MaxMove * size)
            {
                candidate.CopyTo(theta, 0);
                return new(rank, spent);
            }
            if (spent >= budget) break;
        }
        return new(0, spent);
    }

    /// <summary>The cuts worth trying, smallest rank first: a gap of <see cref="Gap"/> with a tail of at most <see cref="MaxTail"/>.</summary>
    private static IEnumerable<int> Ranks(double[] sigma)
    {
        var tail = new double[sigma.Length + 1];
        for (var j = sigma.Length - 1; j >= 0; j--) tail[j] = tail[j + 1] + sigma[j] * sigma[j];
        var found = 0;
        for (var r = 1; r < sigma.Length && found < MaxCandidates; r++)
        {
            if (!(sigma[r] > 0) || sigma[r - 1] < Gap * sigma[r] || Math.Sqrt(tail[r]) > MaxTail * Math.Sqrt(tail[0])) continue;
            found++;
            yield return r;
        }
    }
}
