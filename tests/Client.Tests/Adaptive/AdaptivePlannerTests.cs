using System.Collections.Immutable;
using Sweeps.Client.Adaptive;
using Sweeps.Grains.Sweeps;
using Sweeps.Numerics.Statistics;
using Sweeps.Numerics.Trials;
using Xunit.Abstractions;

namespace Sweeps.Client.Tests.Adaptive;

/// <summary>
/// The adaptive planner on counts drawn from known probit lines Phi((m - m50) / w): settled cells get no trials,
/// new axis values are integers between existing ones, a precise line is done, the budget is never exceeded and
/// stops the sweep, the same input plans the same round, and rounds fed by simulated trials converge.
/// </summary>
public sealed class AdaptivePlannerTests(ITestOutputHelper output)
{
    private static readonly string[] Axes = ["r", "m"];

    private static SweepDefinition Grid(double[] ms, int trials, params int[] rs) => new(
        "planner", "symmetric-sensing", ["flat-convex"],
        [.. rs.SelectMany(r => ms.Select(m => (r, m))).Select((p, i) => new CellDefinition(i, ParameterText.Set([new("m", p.m), new("r", p.r)]),
            ImmutableSortedDictionary.CreateRange(new Dictionary<string, double> { ["d"] = 20, ["m"] = p.m, ["r"] = p.r })))],
        trials, Seed: 1, Tolerance: 1e-3, RelativeToNoise: null);

    private static AdaptiveSettings Settings(double precision = 0.02, long maxTrials = 100_000, int batch = 60) => new("m", precision, maxTrials, batch);

    /// <summary>Expected counts (rounded) of each cell's trials under Phi((m - m50(r)) / w).</summary>
    private static Dictionary<(string Cell, string Method), CellCount> Expected(SweepDefinition d, Func<double, double> m50, double w) =>
        d.Cells.ToDictionary(c => (c.Key, "flat-convex"), c =>
        {
            var n = d.TrialsOf(c);
            return new CellCount(n, (int)Math.Round(n * Phi((c.Parameters["m"] - m50(c.Parameters["r"])) / w)));
        });

    private static double Phi(double z) => MathNet.Numerics.Distributions.Normal.CDF(0, 1, z);

    private static string Describe(SweepDefinition d) =>
        string.Join(" ", d.Cells.Select(c => $"{c.Index}:{c.Key}#{c.Trials?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}"));

    [Fact]
    public void Settled_cells_get_no_trials_and_new_values_are_integers_inside_the_bracket()
    {
        var grid = Grid([20, 40, 60, 80], 20, 1);
        var plan = AdaptivePlanner.Plan(grid, Axes, Expected(grid, _ => 50, 5), Settings(), round: 0);

        var next = Assert.IsType<SweepDefinition>(plan.Next);
        Assert.Equal(LineState.Refining, Assert.Single(plan.Lines).State);
        // 20 and 80 are settled (0/20, 20/20), and so are 40 (0.5/20 -> 0) and 60 (20/20): only new cells get trials.
        Assert.All(next.Cells.Where(c => grid.Cells.Any(g => g.Key == c.Key)), c => Assert.Null(c.Trials));
        var added = next.Cells.Where(c => grid.Cells.All(g => g.Key != c.Key)).ToList();
        Assert.InRange(added.Count, 1, AdaptivePlanner.CellsPerLine);
        Assert.All(added, c =>
        {
            var m = c.Parameters["m"];
            Assert.Equal(Math.Round(m), m);
            Assert.InRange(m, 41, 59);
            Assert.Equal($"m={m};r=1", c.Key);
        });
        Assert.Equal(60, added.Sum(c => c.Trials!.Value));
        Assert.Equal(Enumerable.Range(0, next.Cells.Length), next.Cells.Select(c => c.Index));
        Assert.Equal(next.Cells.Select(c => c.Parameters["m"]).Order(), next.Cells.Select(c => c.Parameters["m"]));
    }

    [Fact]
    public void Undecided_cells_share_the_batch_and_a_precise_line_is_done()
    {
        var grid = Grid([44, 48, 50, 52, 56], 20, 1);
        var plan = AdaptivePlanner.Plan(grid, Axes, Expected(grid, _ => 50, 5), Settings(), round: 0);
        var next = Assert.IsType<SweepDefinition>(plan.Next);
        Assert.Equal(20 + 20, next.Cells.Single(c => c.Key == "m=50;r=1").Trials);
        Assert.Null(next.Cells.Single(c => c.Key == "m=44;r=1").Trials);
        Assert.True(next.TotalTrials - grid.TotalTrials <= 60);

        var precise = Grid([44, 46, 48, 50, 52, 54, 56], 20_000, 1);
        plan = AdaptivePlanner.Plan(precise, Axes, Expected(precise, _ => 50, 5), Settings(), round: 4);
        var line = Assert.Single(plan.Lines);
        Assert.Equal(LineState.Precise, line.State);
        Assert.True(line.RelativeWidth <= 0.02, $"relative width {line.RelativeWidth}");
        Assert.Null(plan.Next);
        Assert.Equal("done", plan.Stopped);
    }

    [Fact]
    public void When_every_cell_near_m50_is_settled_the_most_informative_cells_still_get_trials()
    {
        // A sharp line (w = 0.5) at integer m: 37 (3/20) and 38 (17/20) exclude 0.5, and m50 = 37.5 +- w snaps onto them.
        var grid = Grid([34, 35, 36, 37, 38, 39, 40, 41], 20, 1);
        var plan = AdaptivePlanner.Plan(grid, Axes, Expected(grid, _ => 37.5, 0.5), Settings(precision: 0.001), round: 3);

        var line = Assert.Single(plan.Lines);
        Assert.Equal(LineState.Refining, line.State);
        Assert.True(line.RelativeWidth > 0.001, $"relative width {line.RelativeWidth}");
        var next = Assert.IsType<SweepDefinition>(plan.Next);
        Assert.Equal(grid.Cells.Length, next.Cells.Length);
        // Information phi^2 / (Phi (1 - Phi)) at z = (m - 37.5) / 0.5: 37 and 38 (|z| = 1) first, then 36 before 39 (|z| = 3, tie).
        var raised = next.Cells.Where(c => c.Trials is not null).ToDictionary(c => c.Parameters["m"], c => c.Trials!.Value);
        Assert.Equal(new Dictionary<double, int> { [36] = 40, [37] = 40, [38] = 40 }, raised);
    }

    [Fact]
    public void A_line_just_short_of_the_precision_asks_for_fewer_than_a_batch()
    {
        var grid = Grid([44, 46, 48, 50, 52, 54, 56], 100, 1);
        var counts = Expected(grid, _ => 50, 5);
        var width = Assert.Single(AdaptivePlanner.Plan(grid, Axes, counts, Settings(precision: 0.99), round: 1).Lines).RelativeWidth;

        // rho = 2: the information must grow 4-fold, far more than a batch.
        var far = AdaptivePlanner.Plan(grid, Axes, counts, Settings(precision: width / 2), round: 1);
        Assert.Equal(60, far.Next!.TotalTrials - grid.TotalTrials);
        // rho = 1.02: (1.02^2 - 1) J / (information per trial near m50), J = sum n phi^2 / (Phi (1 - Phi)) of the 700 trials.
        var fit = Assert.Single(far.Lines).Fit;
        var w = fit.Width / (2 * ProbitFit.Z90);
        var information = grid.Cells.Sum(c => 100 * ProbitFit.Information((c.Parameters["m"] - fit.X50) / w));
        var near = AdaptivePlanner.Plan(grid, Axes, counts, Settings(precision: width / 1.02), round: 1);
        var asked = near.Next!.TotalTrials - grid.TotalTrials;
        Assert.Equal(LineState.Refining, Assert.Single(near.Lines).State);
        Assert.InRange(asked, 3, 59);
        Assert.InRange(asked, information * (1.02 * 1.02 - 1) / (2 / Math.PI), information * (1.02 * 1.02 - 1) / ProbitFit.Information(1) + 1);
    }

    [Fact]
    public void Fisher_information_per_trial_peaks_at_the_50_percent_point()
    {
        Assert.Equal(2 / Math.PI, ProbitFit.Information(0), 12);
        var z = 1.3;
        var expected = Math.Pow(MathNet.Numerics.Distributions.Normal.PDF(0, 1, z), 2) / (Phi(z) * (1 - Phi(z)));
        Assert.Equal(expected, ProbitFit.Information(z), 10);
        Assert.Equal(ProbitFit.Information(z), ProbitFit.Information(-z), 12);
        Assert.True(ProbitFit.Information(3) < ProbitFit.Information(1));
        Assert.InRange(ProbitFit.Information(-30), 0, 1e-100);
    }

    [Fact]
    public void The_budget_is_never_exceeded_and_stops_the_sweep()
    {
        var grid = Grid([20, 40, 60, 80], 20, 1, 2);
        var counts = Expected(grid, r => 30 + 20 * r, 5);
        var spent = AdaptivePlanner.Plan(grid, Axes, counts, Settings(maxTrials: grid.TotalTrials), round: 0);
        Assert.Null(spent.Next);
        Assert.Equal(LineState.Budget, spent.Stopped);
        Assert.All(spent.Lines, l => Assert.Equal(LineState.Budget, l.State));

        var tight = AdaptivePlanner.Plan(grid, Axes, counts, Settings(maxTrials: grid.TotalTrials + 25), round: 0);
        var next = Assert.IsType<SweepDefinition>(tight.Next);
        Assert.Equal(grid.TotalTrials + 25, next.TotalTrials);
    }

    [Fact]
    public void The_same_input_plans_the_same_round()
    {
        var grid = Grid([20, 35, 50, 65, 80], 10, 1, 2, 3);
        var counts = Expected(grid, r => 25 + 15 * r, 6);
        var reversed = counts.Reverse().ToDictionary();
        var a = AdaptivePlanner.Plan(grid, Axes, counts, Settings(), round: 2);
        var b = AdaptivePlanner.Plan(grid, Axes, reversed, Settings(), round: 2);
        Assert.Equal(Describe(a.Next!), Describe(b.Next!));
        Assert.Equal(a.Lines.Select(l => (l.Coordinates["r"], l.State, l.Fit)), b.Lines.Select(l => (l.Coordinates["r"], l.State, l.Fit)));
    }

    /// <summary>
    /// 40 seeded simulated sweeps of Phi((m - 50) / 6): every one ends precise within the budget, and the final 95%
    /// intervals cover the true 50% point about 95% of the time (adaptive stopping makes it approximate: at least 34 of 40).
    /// </summary>
    [Fact]
    public void Rounds_on_simulated_trials_reach_the_precision_within_the_budget()
    {
        const double trueM50 = 50;
        var covered = 0;
        for (var seed = 0; seed < 40; seed++)
        {
            var (line, definition, rounds) = Simulate(new Random(seed), trueM50, w: 6, Settings(precision: 0.05, maxTrials: 4000, batch: 48));
            output.WriteLine($"seed {seed}: {rounds} rounds, {definition.TotalTrials} trials, {definition.Cells.Length} cells: m50 {line.Fit.X50:F2} [{line.Fit.Low:F2}, {line.Fit.High:F2}], {line.State}");
            Assert.Equal(LineState.Precise, line.State);
            Assert.True(definition.TotalTrials <= 4000);
            covered += line.Fit.Low <= trueM50 && trueM50 <= line.Fit.High ? 1 : 0;
        }
        output.WriteLine($"covered: {covered} of 40");
        Assert.InRange(covered, 34, 40);
    }

    /// <summary>Rounds planned on simulated outcomes until the planner stops: the last plan's line, definition and round.</summary>
    private static (AdaptiveLine Line, SweepDefinition Definition, int Rounds) Simulate(Random random, double trueM50, double w, AdaptiveSettings settings)
    {
        var definition = Grid([20, 40, 60, 80], 16, 1);
        var outcomes = new Dictionary<string, List<bool>>();
        for (var round = 0; ; round++)
        {
            foreach (var cell in definition.Cells)
            {
                var trials = outcomes.TryGetValue(cell.Key, out var list) ? list : outcomes[cell.Key] = [];
                var p = Phi((cell.Parameters["m"] - trueM50) / w);
                while (trials.Count < definition.TrialsOf(cell))
                    trials.Add(random.NextDouble() < p);
            }
            var counts = definition.Cells.ToDictionary(c => (c.Key, "flat-convex"), c => new CellCount(definition.TrialsOf(c), outcomes[c.Key].Take(definition.TrialsOf(c)).Count(s => s)));
            var plan = AdaptivePlanner.Plan(definition, Axes, counts, settings, round);
            if (plan.Next is null)
                return (Assert.Single(plan.Lines), definition, round);
            Assert.All(definition.Cells, c => Assert.True(plan.Next.TrialsOf(plan.Next.Cells.Single(n => n.Key == c.Key)) >= definition.TrialsOf(c)));
            definition = plan.Next;
        }
    }
}
