using MathNet.Numerics.LinearAlgebra;
using Sweeps.Numerics.Methods;
using Sweeps.Numerics.Problems.Completion;
using Sweeps.Numerics.Problems.Sensing;
using Sweeps.Numerics.Random;
using Sweeps.Numerics.Tests.Convex;
using Sweeps.Numerics.Trials;
using static Sweeps.Numerics.Tests.Problems.Sensing.SensingInstances;

namespace Sweeps.Numerics.Tests.Problems.Completion;

/// <summary>matrix-completion: the mask and its weights, derivatives, the convex program, recovery and invalid instances.</summary>
public sealed class MatrixCompletionTests
{
    private static TrialParameters Completion(int d1, int d2, int r, int k, double p, double noise = 0, ulong seed = 1) =>
        Parameters(MatrixCompletionFamily.FamilyName, d1, d2, r, k, null, noise, seed) with { P = p };

    private static GeneralSensingProblem Sample(TrialParameters parameters) =>
        (GeneralSensingProblem)new MatrixCompletionFamily().Sample(parameters, new TrialSeed(parameters.Seed));

    private static EntrySampling Mask(GeneralSensingProblem problem) => (EntrySampling)problem.Measurements;

    /// <summary>A_i = e_a e_b^T for the observed positions.</summary>
    private static DenseOperator Explicit(GeneralSensingProblem problem)
    {
        var entries = Mask(problem).Entries.ToArray();
        var (d1, d2) = (problem.D1, problem.D2);
        return ExplicitMaps.Build(entries.Length, d1, d2, i =>
        {
            var a = Matrix<double>.Build.Dense(d1, d2);
            a[entries[i] / d2, entries[i] % d2] = 1;
            return a;
        });
    }

    [Fact]
    public void Mask_has_about_p_d1_d2_entries_and_weights_count_rows_and_columns()
    {
        var problem = Sample(Completion(20, 15, 2, 4, 0.4));
        var m = Mask(problem).Count;
        // Binomial(300, 0.4): mean 120, standard deviation 8.5.
        Assert.InRange(m, 120 - 35, 120 + 35);
        var reference = Explicit(problem);
        ExplicitMaps.AssertSameMap(problem.Measurements, reference);
        var (p, q) = ExplicitMaps.Moments(reference);
        Assert.True((TestMatrices.Of(problem.LeftWeight, 20, 20) - p).FrobeniusNorm() < 1e-14);
        Assert.True((TestMatrices.Of(problem.RightWeight, 15, 15) - q).FrobeniusNorm() < 1e-14);
        Assert.Equal(1.0, p.Trace(), 12);
    }

    [Fact]
    public void Hessian_trace_is_the_observed_count_formula_and_matches_finite_differences()
    {
        const int d1 = 5, d2 = 4, k = 3;
        var problem = Sample(Completion(d1, d2, 2, k, 0.7, noise: 0.1, seed: 3));
        var theta = RandomPoint(problem, 4);
        Assert.True(RelativeDifference(Gradient(problem, theta), FiniteDifferenceGradient(problem, theta)) < 1e-6);
        Assert.True(problem.Loss(theta) > 1e-3, "the point must be far from the zero-loss set");
        var trace = problem.HessianTrace(theta);
        Assert.True(RelativeDifference(trace, Trace(FiniteDifferenceHessian(problem, theta))) < 1e-5);

        // docs/SCIENCE.md 2.4: (2/|Omega|)(sum_a n_row(a) ||L_a||^2 + sum_b n_col(b) ||R_b||^2), counts taken from the positions.
        var entries = Mask(problem).Entries.ToArray();
        var formula = 0.0;
        foreach (var e in entries)
        {
            var (a, b) = (e / d2, e % d2);
            for (var j = 0; j < k; j++)
                formula += theta[a * k + j] * theta[a * k + j] + theta[d1 * k + b * k + j] * theta[d1 * k + b * k + j];
        }
        Assert.Equal(2 * formula / entries.Length, trace, 1e-12 * trace);
    }

    [Fact]
    public void Noise_is_added_to_the_observed_entries_only()
    {
        var problem = Sample(Completion(30, 30, 2, 2, 0.5, noise: 0.01, seed: 5));
        var entries = Mask(problem).Entries.ToArray();
        var deviations = entries.Select((e, i) => problem.Data[i] - problem.Truth[e]).ToArray();
        var sigma = Math.Sqrt(deviations.Sum(v => v * v) / deviations.Length);
        Assert.InRange(sigma, 0.009, 0.011);
    }

    [Fact]
    public void Flat_convex_solution_is_feasible_and_minimizes_the_weighted_nuclear_norm()
    {
        const int d = 10;
        var problem = Sample(Completion(d, d, 2, d, 0.35, seed: 6));
        var solution = ConvexMethod.FlatConvex.Solve(problem, MethodParameters.Defaults, new TrialSeed(6), default);
        Assert.Equal(TrialStatus.Converged, solution.Status);
        var x = TestMatrices.Of(solution.Theta.AsSpan(0, d * d), d, d) * TestMatrices.Of(solution.Theta.AsSpan(d * d), d, d).Transpose();
        var p = TestMatrices.Of(problem.LeftWeight, d, d);
        var q = TestMatrices.Of(problem.RightWeight, d, d);
        var norm = ExplicitMaps.AssertOptimal(Explicit(problem), problem.Data, x, TestMatrices.Of(problem.Truth, d, d), p, q);
        Assert.Equal(4 * norm, problem.HessianTrace(solution.Theta), 1e-7 * norm);
    }

    /// <summary>
    /// Issue #4's setting: 30 x 30, rank 2, p = 0.5. Measured (tolerance 1e-6, seeds 1000-1099): flat-convex recovers
    /// 82/100 (nuclear 70/100); at p = 0.55 93/100, at p = 0.6 97/100. So p = 0.5 is inside the transition at this size
    /// and "at least 9 of 10" holds only by luck of the seeds. The failures are genuine, not solver accuracy: the solver
    /// returns a feasible point with error O(0.1) whose flat trace (4 times the weighted nuclear norm, up to the
    /// 1/|Omega| factor) is below the truth's, so the truth is not the program's minimizer. This test checks both:
    /// at least 15 of 20 recoveries (seeds 100-119 give 18), and every failure certified by a flatter interpolant.
    /// </summary>
    [Fact]
    public void Flat_convex_recovers_30_by_30_rank_2_at_half_the_entries_and_every_failure_is_a_flatter_interpolant()
    {
        var results = Enumerable.Range(0, 20)
            .Select(trial => TrialRunner.Run(Completion(30, 30, 2, 30, 0.5, seed: 100 + (ulong)trial) with
            {
                Method = "flat-convex",
                Success = new SuccessCriterion(1e-4),
            }))
            .ToArray();
        var summary = string.Join(", ", results.Select(r => $"{r.Status} {r.RelError:G3} {r.HessianTrace / r.FlatTraceAtTruth:F5}"));
        Assert.True(results.Count(r => r.Success) >= 15, summary);
        Assert.All(results.Where(r => r.Success), r => Assert.Equal(r.FlatTraceAtTruth, r.HessianTrace, 1e-3 * r.FlatTraceAtTruth));
        Assert.All(results.Where(r => !r.Success), r => Assert.True(r.Loss < 1e-16 && r.HessianTrace < r.FlatTraceAtTruth, summary));
    }

    [Fact]
    public void An_unobserved_row_or_column_is_an_invalid_instance()
    {
        // p = 0.02 at 30 x 30: a row is empty with probability 0.98^30 = 0.55, so some row or column is.
        var result = TrialRunner.Run(Completion(30, 30, 2, 2, 0.02) with { Method = "flat-convex" });
        Assert.Equal(TrialStatus.InvalidInstance, result.Status);
        Assert.Matches("^(row|column) [0-9]+ \\(counting from 0\\) has no observed entry", result.Reason);
        Assert.True(double.IsNaN(result.RelError));
        Assert.False(result.Success);
    }

    [Fact]
    public void Validation_requires_p_in_the_unit_interval_and_rejects_m()
    {
        var family = new MatrixCompletionFamily();
        Assert.Empty(family.Validate(Completion(6, 4, 2, 3, 1.0)));
        Assert.Single(family.Validate(Completion(6, 4, 2, 3, 0.5) with { P = null }), e => e.StartsWith("p: missing", StringComparison.Ordinal));
        Assert.Single(family.Validate(Completion(6, 4, 2, 3, 0.0)), e => e.StartsWith("p: 0 is not allowed; it must satisfy 0 < p <= 1", StringComparison.Ordinal));
        Assert.Single(family.Validate(Completion(6, 4, 2, 3, 1.5)), e => e.StartsWith("p: 1.5 is not allowed", StringComparison.Ordinal));
        var errors = family.Validate(Completion(6, 4, 5, 3, 0.5) with { M = 10, R2 = 1 });
        Assert.Contains(errors, e => e.StartsWith("m: 10 does not apply to matrix-completion", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("r2: 1 does not apply", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("r: 5 is not allowed", StringComparison.Ordinal));
    }
}
