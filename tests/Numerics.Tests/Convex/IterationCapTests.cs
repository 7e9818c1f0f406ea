using Sweeps.Numerics.Methods;
using Sweeps.Numerics.Problems.Completion;
using Sweeps.Numerics.Trials;
using static Sweeps.Numerics.Tests.Problems.Sensing.SensingInstances;

namespace Sweeps.Numerics.Tests.Convex;

/// <summary>
/// Issue #12: on a grid spanning a family's transition, the convex methods' verdicts come from the mathematics (a
/// certified optimum, or a feasible point refuting the truth), not from the iteration cap: at most 1% of the trials
/// end at the cap, every other trial is certified, and both sides of the transition are on the grid. With residual
/// balancing at a ratio of 10, completion flat-convex capped 2 of 120 here (p = 0.45, borderline failures); at 3, none.
/// </summary>
public sealed class IterationCapTests
{
    [Theory]
    [InlineData("flat-convex")]
    [InlineData("nuclear")]
    public void Matrix_completion_across_its_transition_ends_at_the_cap_in_at_most_1_percent_of_trials(string method) =>
        AssertNoCap(
            [0.25, 0.35, 0.45, 0.55, 0.65, 0.75],
            (p, t) => Parameters(MatrixCompletionFamily.FamilyName, 20, 20, 2, 20, null, 0, 500 + (ulong)t) with { P = p, Method = method });

    [Theory]
    [InlineData("flat-convex")]
    [InlineData("nuclear")]
    public void General_sensing_across_its_transition_ends_at_the_cap_in_at_most_1_percent_of_trials(string method) =>
        AssertNoCap(
            [20, 35, 50, 65, 80, 100],
            (m, t) => Parameters("general-sensing", 10, 10, 2, 10, (int)m, 0, 700 + (ulong)t) with { Method = method });

    private static void AssertNoCap(double[] axis, Func<double, int, TrialParameters> trial)
    {
        var results = axis.SelectMany(x => Enumerable.Range(0, 20).Select(t => (x, TrialRunner.Run(trial(x, t) with { Success = new SuccessCriterion(1e-6) })))).ToList();
        var capped = results.Where(r => r.Item2.Status == TrialStatus.IterationLimit).Select(r => $"{r.x}: {r.Item2.Reason}").ToList();
        Assert.True(capped.Count <= results.Count / 100, string.Join("\n", capped));
        Assert.All(results.Where(r => r.Item2.Status is not (TrialStatus.InvalidInstance or TrialStatus.IterationLimit)),
            r => Assert.True(r.Item2.Certified, $"{r.x}: not certified ({r.Item2.Reason})"));
        Assert.Contains(results, r => r.Item2.Success);
        Assert.Contains(results, r => !r.Item2.Success);
    }
}
