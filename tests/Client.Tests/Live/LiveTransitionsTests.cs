using Sweeps.Client.Output;
using Sweeps.Client.Specs;
using Sweeps.Hosting.Live;
using Sweeps.Numerics.Statistics;

namespace Sweeps.Client.Tests.Live;

/// <summary>The live page's transitions: transitions.csv's lines on the live aggregates, and the axis a silo takes.</summary>
public sealed class LiveTransitionsTests
{
    /// <summary>d as a shorthand (cells.csv has d1, d2) and a method with its own alpha: the live lines must still be cells.csv's.</summary>
    private static readonly LoadedSpec Spec = SpecLoader.Load("""
        problem: symmetric-sensing
        fixed: { d: 8, k: 8 }
        axes: { r: [1, 2], m: [8, 14, 20, 26, 32] }
        methods: [flat-convex, { name: gd-random-init, alpha: [0.5] }]
        trials: 10
        """);

    private static int Successes(int cell, string method) => Math.Min(10, cell % 5 * (method == "flat-convex" ? 4 : 3));

    [Fact]
    public void Live_lines_are_the_rows_transitions_csv_fits_from_the_same_counts()
    {
        var d = Spec.Definition;
        var unread = d.Cells[^1].Index; // a cell the page has not read yet counts no trials, as a cells.csv row without trials
        var live = d.Cells.Where(c => c.Index != unread).SelectMany(c => d.Methods.Select(m => new LiveCell(
            c.Index, m, 10, Successes(c.Index, m), 0, 0, 0, double.NaN, double.NaN, double.NaN, 10, 0, 0, 0))).ToDictionary(c => (c.Cell, c.Method));
        var rows = d.Cells.SelectMany(c => d.Methods.Select(m => new CellSummary(c.Index, m, d.ParametersOf(c, m),
            c.Index == unread ? 0 : 10, c.Index == unread ? 0 : Successes(c.Index, m), 0, 0, 0, double.NaN, double.NaN, double.NaN)));

        var expected = TransitionTable.Fit(d.Problem, Spec.TransitionAxis, rows);
        var lines = LiveTransitions.Of(d, Spec.TransitionAxis, live);

        Assert.Equal("m", lines.Axis);
        Assert.Equal(4, expected.Count);
        Assert.Contains(expected, r => r.Fit.Status == TransitionStatus.Ok);
        Assert.Equal(expected.Select(r => (r.Method, string.Join(";", r.Coordinates), r.Axis, r.Fit.Status, r.Fit.X50, r.Fit.Low, r.Fit.High, r.Fit.Width, r.Fit.Trials, r.Fit.Successes, r.Theory ?? double.NaN)),
            lines.Lines.Select(l => (l.Method, string.Join(";", l.Coordinates), l.Axis, l.Fit, l.M50, l.M50Low, l.M50High, l.Width, l.Trials, l.Successes, l.Theory)));
        Assert.Contains(lines.Lines, l => l.Coordinates.ContainsKey("d1") && l.Coordinates.GetValueOrDefault("alpha") == 0.5);
    }

    [Fact]
    public void Without_a_spec_the_axis_is_m_else_p_of_the_grid_axes()
    {
        Assert.Equal("m", LiveOptions.DefaultTransitionAxis(Spec.Definition));
        var completion = SpecLoader.Load("problem: matrix-completion\nfixed: { d: 8, k: 8 }\naxes: { r: [1, 2], p: [0.2, 0.4] }\nmethods: [flat-convex]\ntrials: 2\n");
        Assert.Equal("p", LiveOptions.DefaultTransitionAxis(completion.Definition));
        var none = SpecLoader.Load("problem: symmetric-sensing\nfixed: { d: 8, k: 8, m: 20 }\naxes: { r: [1, 2] }\nmethods: [flat-convex]\ntrials: 2\n");
        Assert.Null(LiveOptions.DefaultTransitionAxis(none.Definition));
    }
}
