using Google.OrTools.LinearSolver;
using Sweeps.Numerics.Convex;
using Sweeps.Numerics.LinearAlgebra;
using Sweeps.Numerics.Methods;
using Sweeps.Numerics.Problems.Hadamard;
using Sweeps.Numerics.Problems.Sensing;
using Sweeps.Numerics.Trials;
using static Sweeps.Numerics.Tests.Problems.Hadamard.HadamardInstances;

namespace Sweeps.Numerics.Tests.Problems.Hadamard;

/// <summary>
/// Plain and weighted l1 (hadamard-sparse at depth 2, and nuclear at every depth) solved exactly: the trial's
/// verdict against an independently posed LP, the issue-12 instance that ADMM left at its cap, and the
/// certificates (a certified gap is small, a truth that is not the minimizer is a certified failure, a
/// corrupted solution is not certified).
/// </summary>
public sealed class HadamardExactL1Tests
{
    /// <summary>
    /// The same program posed differently: minimize sum_i w_i t_i s.t. A x = b, -t &lt;= x &lt;= t, with x free
    /// (2d rows more than the split form the solver uses), solved by GLOP. Returns x.
    /// </summary>
    private static double[] BoundedFormulation(HadamardSparseProblem problem, ReadOnlySpan<double> weights)
    {
        int d = problem.Dimension, m = problem.Measurements.Count;
        using var solver = Solver.CreateSolver("GLOP");
        solver.SuppressOutput();
        var x = Enumerable.Range(0, d).Select(j => solver.MakeNumVar(double.NegativeInfinity, double.PositiveInfinity, $"x{j}")).ToArray();
        var t = Enumerable.Range(0, d).Select(j => solver.MakeNumVar(0, double.PositiveInfinity, $"t{j}")).ToArray();
        var objective = solver.Objective();
        for (var j = 0; j < d; j++)
        {
            objective.SetCoefficient(t[j], weights[j]);
            var upper = solver.MakeConstraint(double.NegativeInfinity, 0, $"up{j}");
            upper.SetCoefficient(x[j], 1);
            upper.SetCoefficient(t[j], -1);
            var lower = solver.MakeConstraint(0, double.PositiveInfinity, $"lo{j}");
            lower.SetCoefficient(x[j], 1);
            lower.SetCoefficient(t[j], 1);
        }
        objective.SetMinimization();
        for (var i = 0; i < m; i++)
        {
            var row = problem.Measurements.Matrix(i);
            var equation = solver.MakeConstraint(problem.Data[i], problem.Data[i], $"a{i}");
            for (var j = 0; j < d; j++) equation.SetCoefficient(x[j], row[j]);
        }
        Assert.Equal(Solver.ResultStatus.OPTIMAL, solver.Solve());
        return x.Select(v => v.SolutionValue()).ToArray();
    }

    [Theory]
    [InlineData("nuclear")]
    [InlineData("flat-convex")]
    public void Depth_two_verdicts_agree_with_an_independent_lp_on_every_trial(string method)
    {
        var outcomes = new List<(bool Sweeps, bool Independent)>();
        foreach (var m in new[] { 8, 12, 16, 20, 24 })
            for (var t = 0; t < 6; t++)
            {
                var seed = (ulong)(7000 + 10 * m + t);
                var parameters = Parameters(d: 40, r: 4, m, depth: 2, seed, method: method) with { Success = new SuccessCriterion(1e-6) };
                var result = TrialRunner.Run(parameters);
                var problem = Sample(40, 4, m, 2, seed);
                var weights = method == "nuclear" ? Enumerable.Repeat(1.0, 40).ToArray() : problem.ColumnWeights.ToArray();
                var independent = SensingAnalysis.RelativeError(BoundedFormulation(problem, weights), problem.Truth) <= 1e-6;
                Assert.True(result.Success == independent, $"m = {m}, trial {t}: Sweeps {result.Success} (error {result.RelError:G3}), independent LP {independent}");
                Assert.Equal(TrialStatus.Converged, result.Status);
                Assert.True(result.Certified, $"m = {m}, trial {t}: gap {result.DualityGap:G3}");
                outcomes.Add((result.Success, independent));
            }
        // The grid spans the transition: both verdicts occur.
        Assert.Contains(outcomes, o => o.Sweeps);
        Assert.Contains(outcomes, o => !o.Sweeps);
    }

    /// <summary>Issue 12: ADMM stopped at its cap with error 0.25 here; the LP recovers the truth to machine precision.</summary>
    [Fact]
    public void The_instance_admm_left_at_its_cap_is_recovered_exactly()
    {
        var parameters = Parameters(d: 100, r: 5, m: 25, depth: 2, seed: 14846907761626874612, method: "nuclear");
        var result = TrialRunner.Run(parameters);
        Assert.Equal(TrialStatus.Converged, result.Status);
        Assert.True(result.RelError < 1e-12, $"error {result.RelError:G3}");
        Assert.True(result.Success);
        Assert.True(result.Certified);
    }

    [Fact]
    public void A_certified_trial_has_a_gap_below_the_tolerance()
    {
        var result = TrialRunner.Run(Parameters(d: 60, r: 3, m: 30, depth: 2, seed: 5, method: "nuclear"));
        Assert.True(result.Certified);
        Assert.InRange(result.DualityGap, -Certificate.ExactTolerance, Certificate.ExactTolerance);
    }

    /// <summary>
    /// A x = b with A = [1 1 3], b = 1 and truth e_1: every x >= 0 with x_1 + x_2 + 3 x_3 = 1 is feasible, and
    /// the l1 minimum 1/3 is at (0, 0, 1/3), not at the truth (l1 norm 1). The solver finds that minimum and
    /// certifies it.
    /// </summary>
    [Fact]
    public void A_truth_that_is_not_the_minimizer_is_certified_as_a_failure()
    {
        var result = WeightedL1Program.Solve([[1.0, 1.0, 3.0]], [1.0], [1.0, 1.0, 1.0]);
        Assert.True(result.Certificate.Certified);
        Assert.Equal(1.0 / 3, result.X[2], 14);
        Assert.True(SensingAnalysis.RelativeError(result.X, [1.0, 0, 0]) > 0.5);

        // The same through a whole trial: far below the transition (d = 100, sparsity 5, m = 8) the truth is feasible
        // but its l1 norm exceeds the independent LP's minimum, so it is not the minimizer.
        var parameters = Parameters(d: 100, r: 5, m: 8, depth: 2, seed: 3, method: "nuclear");
        var problem = Sample(100, 5, 8, 2, 3);
        var minimum = BoundedFormulation(problem, Enumerable.Repeat(1.0, 100).ToArray()).Sum(Math.Abs);
        Assert.True(problem.Truth.ToArray().Sum(Math.Abs) > minimum * (1 + 1e-6));
        var trial = TrialRunner.Run(parameters);
        Assert.True(trial.Certified);
        Assert.False(trial.Success);
    }

    [Fact]
    public void A_corrupted_solution_fails_certification()
    {
        var problem = Sample(60, 3, 30, 2, 5);
        var rows = Enumerable.Range(0, 30).Select(i => problem.Measurements.Matrix(i).ToArray()).ToArray();
        var weights = Enumerable.Repeat(1.0, 60).ToArray();
        var solved = WeightedL1Program.Solve(rows, problem.Data, weights);
        Assert.True(solved.Certificate.Certified);

        // Off the constraint set: x + 1e-6 e_0 misses A x = b.
        var shifted = (double[])solved.X.Clone();
        shifted[0] += 1e-6;
        Assert.False(L1Certificate.Check(rows, problem.Data, weights, shifted, solved.Y).Certified);

        // Still feasible but not optimal: the truth plus a null-space direction of A (Gram-Schmidt against the rows).
        var direction = new double[60];
        direction[0] = 1;
        direction[1] = -1;
        var basis = new List<double[]>();
        foreach (var row in rows)
        {
            var q = (double[])row.Clone();
            foreach (var b in basis) Kernels.Axpy(-Kernels.Dot(b, q), b, q);
            Kernels.Scale(1 / Kernels.Norm(q), q);
            basis.Add(q);
        }
        for (var pass = 0; pass < 2; pass++)
            foreach (var b in basis) Kernels.Axpy(-Kernels.Dot(b, direction), b, direction);
        var moved = (double[])solved.X.Clone();
        Kernels.Axpy(1e-3 / Kernels.Norm(direction), direction, moved);
        var corrupted = L1Certificate.Check(rows, problem.Data, weights, moved, solved.Y);
        Assert.True(corrupted.PrimalResidual <= Certificate.ExactTolerance);
        Assert.False(corrupted.Certified, $"gap {corrupted.DualityGap:G3}");
        Assert.True(corrupted.DualityGap > Certificate.ExactTolerance);
    }
}
