using Sweeps.Client.Specs;

namespace Sweeps.Client.Tests.Specs;

public sealed class SpecLoaderTests
{
    private const string Good = """
        name: psd-d20
        problem: general-sensing
        fixed: { d: 20, k: 20 }
        axes:
          r: [1, 2, 3]
          m: { from: 40, to: 100, step: 6 }
        methods: [flat-convex, nuclear]
        trials: 20
        success: { tolerance: 1.0e-3 }
        seed: 42
        plots:
          - { x: m, y: r, facet: method }
        """;

    private static LoadedSpec Load(string yaml) => SpecLoader.Load(yaml, ToyCatalog.Instance);

    private static IReadOnlyList<string> Errors(string yaml) => Assert.Throws<SpecException>(() => Load(yaml)).Errors;

    [Fact]
    public void Good_spec_expands_to_the_cartesian_product_with_the_first_axis_slowest()
    {
        var spec = Load(Good);
        var d = spec.Definition;
        var m = Enumerable.Range(0, 11).Select(i => 40.0 + 6 * i).ToArray();
        Assert.Equal(3 * m.Length, d.Cells.Length);
        Assert.Equal(3L * 11 * 2 * 20, d.TotalTrials);
        var expected = new[] { 1.0, 2, 3 }.SelectMany(r => m.Select(mm => (r, mm))).ToArray();
        for (var i = 0; i < expected.Length; i++)
        {
            var cell = d.Cells[i];
            Assert.Equal(i, cell.Index);
            Assert.Equal(expected[i].r, cell.Parameters["r"]);
            Assert.Equal(expected[i].mm, cell.Parameters["m"]);
            Assert.Equal(20, cell.Parameters["d"]);
            Assert.Equal(20, cell.Parameters["k"]);
            Assert.Equal($"m={expected[i].mm};r={expected[i].r}", cell.Key);
        }
        Assert.Equal("psd-d20", spec.SweepId);
        Assert.Equal(42, d.Seed);
        Assert.Equal(1e-3, d.Tolerance);
        Assert.Equal(["flat-convex", "nuclear"], d.Methods.ToArray());
        Assert.Equal([new PlotRequest("m", "r", "method")], spec.Plots.ToArray());
    }

    [Fact]
    public void Sweep_id_hashes_the_normalized_spec_ignoring_key_order_plots_and_trials()
    {
        var a = Load("problem: general-sensing\nfixed: {d: 10, k: 10}\naxes: {r: [1, 2], m: [30, 40]}\nmethods: [nuclear]\ntrials: 5\nseed: 1\n");
        var reordered = Load("seed: 1\ntrials: 5\nmethods: nuclear\naxes: {r: [1, 2], m: {from: 30, to: 40, step: 10}}\nfixed: {k: 10, d: 10}\nproblem: general-sensing\nplots: [{x: r, y: m}]\n");
        var moreTrials = Load("problem: general-sensing\nfixed: {d: 10, k: 10}\naxes: {r: [1, 2], m: [30, 40]}\nmethods: [nuclear]\ntrials: 6\nseed: 1\n");
        var otherSeed = Load("problem: general-sensing\nfixed: {d: 10, k: 10}\naxes: {r: [1, 2], m: [30, 40]}\nmethods: [nuclear]\ntrials: 5\nseed: 2\n");
        Assert.Matches("^[0-9a-f]{12}$", a.SweepId);
        Assert.Equal(a.SweepId, reordered.SweepId);
        // More trials extend the same sweep (the engine reuses the finished ones); another seed is another sweep.
        Assert.Equal(a.SweepId, moreTrials.SweepId);
        Assert.NotEqual(a.SweepId, otherSeed.SweepId);
        Assert.NotEqual(a.NormalizedText, moreTrials.NormalizedText);
    }

    [Fact]
    public void Normalized_text_loads_back_to_itself()
    {
        var spec = Load(Good.Replace("name: psd-d20\n", "", StringComparison.Ordinal));
        var again = Load(spec.NormalizedText);
        Assert.Equal(spec.NormalizedText, again.NormalizedText);
        Assert.Equal(spec.SweepId, again.SweepId);
        Assert.Equal(
            spec.Definition.Cells.Select(c => (c.Index, c.Key, string.Join(";", c.Parameters))),
            again.Definition.Cells.Select(c => (c.Index, c.Key, string.Join(";", c.Parameters))));
    }

    [Fact]
    public void Floating_point_ranges_include_the_end_and_print_short()
    {
        var spec = Load("problem: general-sensing\nfixed: {d: 10, r: 1, m: 50}\naxes: {noise: {from: 0.1, to: 0.7, step: 0.1}}\nmethods: [nuclear]\n");
        Assert.Equal([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7], spec.Axes[0].Values.ToArray());
        Assert.Contains("noise: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]", spec.NormalizedText, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_plots_take_the_two_longest_axes_or_axis_against_method()
    {
        var two = Load("problem: general-sensing\nfixed: {d: 30, k: 3}\naxes: {r: [1, 2], m: [50, 60, 70]}\nmethods: [nuclear, flat-convex]\n");
        Assert.Equal([new PlotRequest("m", "r", "method")], two.Plots.ToArray());
        var one = Load("problem: general-sensing\nfixed: {d: 30, r: 2}\naxes: {m: [50, 60, 70]}\nmethods: [nuclear, flat-convex]\n");
        Assert.Equal([new PlotRequest("m", "method", null)], one.Plots.ToArray());
    }

    /// <summary>Issue #13: a phase diagram never pools cells silently; it names every varying dimension or is refused.</summary>
    [Theory]
    [InlineData("fixed: {d: 30}\naxes: {noise: [0, 0.5], r: [1, 2], m: [50, 60, 70]}\nmethods: [nuclear, flat-convex]\nplots: [{x: m, y: r, facet: method}]\n",
        "plots[0]: the grid varies noise (2 values), which x = m, y = r, facet = method do not name")]
    [InlineData("fixed: {d: 30}\naxes: {r: [1, 2], k: [2, 3], m: [50, 60, 70]}\nmethods: [nuclear, flat-convex]\n",
        "plots (the default diagram): the grid varies k (2 values), which x = m, y = r, facet = method do not name")]
    [InlineData("fixed: {d: 30, r: 1}\naxes: {m: [50, 60, 70]}\nmethods: [nuclear, flat-convex]\nplots: [{x: m, y: method}, {x: m, y: noise}]\n",
        "plots[1].y: 'noise' is not an axis of the sweep")]
    [InlineData("fixed: {d: 30, r: 1}\naxes: {m: [50, 60, 70], noise: [0, 0.1]}\nmethods: [nuclear, flat-convex]\nplots: [{x: m, y: noise}]\n",
        "plots[0]: the grid varies method (2 values), which x = m, y = noise do not name")]
    public void A_plot_that_would_pool_cells_is_refused_naming_the_dimension(string body, string message)
    {
        var error = Assert.Throws<SpecException>(() => Load("problem: general-sensing\n" + body));
        Assert.Contains(error.Errors, e => e.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_plot_naming_every_varying_dimension_is_accepted()
    {
        var spec = Load("problem: general-sensing\nfixed: {d: 30, m: 60}\naxes: {noise: [0, 0.5], r: [1, 2], k: [4]}\nmethods: [nuclear]\nplots: [{x: noise, y: r}]\n");
        Assert.Equal([new PlotRequest("noise", "r", null)], spec.Plots.ToArray());
    }

    [Theory]
    [InlineData("problem: general-sensing\nfixed: {d: 10, r: 1}\naxes: {m: [20]}\nmethods: [nuclear]\nfoo: 1\n", "foo: unknown field 'foo'; allowed: name, problem, fixed")]
    [InlineData("problem: matrix-magic\nfixed: {d: 10, r: 1, m: 20}\nmethods: [nuclear]\n", "problem: 'matrix-magic' is not a known problem; allowed: general-sensing, bilinear-sensing.")]
    [InlineData("problem: general-sensing\nfixed: {d: 10, r: 1, m: 20}\nmethods: [nuclear, sgd]\n", "methods: 'sgd' is not a known method; allowed: flat-convex, nuclear, gd-small-init.")]
    [InlineData("problem: general-sensing\nfixed: {d: 10, r: 1, q: 3}\naxes: {m: [20]}\nmethods: [nuclear]\n", "fixed.q: unknown field 'q'; allowed: d, d1, d2, r, k, m")]
    [InlineData("problem: general-sensing\nfixed: {d: 10, r: 1, m: 20}\naxes: {m: [20, 30]}\nmethods: [nuclear]\n", "axes.m: m is also in fixed; a parameter is either fixed or an axis, not both.")]
    [InlineData("problem: general-sensing\nfixed: {d: 10, r: 1, m: 'abc'}\nmethods: [nuclear]\n", "fixed.m: 'abc' is not a number.")]
    [InlineData("problem: general-sensing\nfixed: {d: 10, r: 1}\naxes: {m: []}\nmethods: [nuclear]\n", "axes.m: empty; give at least one value.")]
    [InlineData("problem: general-sensing\nfixed: {d: 10, r: 1}\naxes: {m: [20, 30, 20]}\nmethods: [nuclear]\n", "axes.m: 20 appears 2 times; axis values must be distinct.")]
    [InlineData("problem: general-sensing\nfixed: {d: 10, r: 1}\naxes: {m: {from: 20, to: 40, step: 0}}\nmethods: [nuclear]\n", "axes.m.step: 0 is not allowed; it must be a positive number.")]
    [InlineData("problem: general-sensing\nfixed: {d: 10, r: 1}\naxes: {m: {from: 40, to: 20, step: 2}}\nmethods: [nuclear]\n", "axes.m: from 40 is greater than to 20; from must not exceed to.")]
    [InlineData("problem: general-sensing\nfixed: {d: 10, r: 1}\naxes: {noise: {from: 0, to: 1, step: 1.0e-6}}\nmethods: [nuclear]\n", "axes.noise: the range from 0 to 1 by 1E-06 has 1000001 values; at most 10000 are allowed.")]
    [InlineData("problem: general-sensing\nfixed: {d: 10, r: 1}\naxes: {m: [20, 30.5]}\nmethods: [nuclear]\n", "axes.m: 30.5 is not allowed; m must be a whole number.")]
    [InlineData("problem: general-sensing\nfixed: {d: 10, r: 1, m: 20}\nmethods: [nuclear]\ntrials: 0\n", "trials: 0 is not allowed; it must be a whole number at least 1")]
    [InlineData("problem: general-sensing\nfixed: {d: 10, r: 1, m: 20}\nmethods: [nuclear, nuclear]\n", "methods: 'nuclear' appears more than once; each method may be listed once.")]
    [InlineData("problem: general-sensing\nfixed: {d: 10, r: 1}\naxes: {m: [20, 30]}\nmethods: [nuclear]\nplots: [{x: m, y: k}]\n", "plots[0].y: 'k' is not an axis of the sweep; allowed: m, method.")]
    [InlineData("problem: general-sensing\nfixed: {d: 10, r: 1}\naxes: {m: [20, 30]}\nmethods: [nuclear]\nplots: [{x: m, y: method, metric: accuracy}]\n", "plots[0].metric: 'accuracy' is not allowed; allowed: success_rate, median_error, median_hessian_trace, median_error_over_noise.")]
    [InlineData("problem: general-sensing\nfixed: {d: 10, r: 1, m: 20}\nmethods: [nuclear]\nsuccess: {tolerance: -1}\n", "success.tolerance: -1 is not allowed; it must be a positive number.")]
    [InlineData("problem: general-sensing\nfixed: {d: 10, r: 1, m: 20}\nmethods: [nuclear]\nsuccess: {within: 2}\n", "success.within: unknown field 'within'; allowed: tolerance, relative_to_noise.")]
    [InlineData("problem: general-sensing\nfixed: {d: 10, d1: 10, r: 1, m: 20}\nmethods: [nuclear]\n", "d: given together with d1/d2 is not allowed")]
    [InlineData("name: My Sweep!\nproblem: general-sensing\nfixed: {d: 10, r: 1, m: 20}\nmethods: [nuclear]\n", "name: 'My Sweep!' is not allowed; use lowercase letters")]
    [InlineData("problem: general-sensing\nfixed: {d: 10, r: 1, m: 20}\n", "methods: missing; it is required.")]
    public void Bad_spec_is_rejected_naming_field_value_and_what_is_allowed(string yaml, string expected)
    {
        var errors = Errors(yaml);
        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_error_is_collected_not_just_the_first()
    {
        var errors = Errors("problem: nope\nfixed: {d: 'x'}\naxes: {m: []}\nmethods: []\ntrials: -2\nextra: 1\n");
        Assert.Equal(6, errors.Count);
    }

    [Theory]
    [InlineData("problem: general-sensing\nfixed:\n  d: 10\n r: 1\nmethods: [nuclear]\n", "at line 4")]
    [InlineData("problem: general-sensing\nmethods: [nuclear\nseed: 1\n", "after line 2")]
    [InlineData("problem: general-sensing\nfixed: {d: 10, r: 1\n", "at line 3")]
    public void Yaml_syntax_errors_give_line_and_column(string yaml, string where)
    {
        var error = Assert.Single(Errors(yaml));
        Assert.Matches($@"^spec: YAML syntax error {where}, column \d+: \S", error);
    }

    [Fact]
    public void Each_distinct_cell_error_is_reported_once_with_the_offending_cell()
    {
        // r = 4 exceeds d = 3 in 3 cells x 2 methods; k = 2 < r for r = 3 and r = 4.
        var errors = Errors("problem: general-sensing\nfixed: {d: 3, k: 2}\naxes: {r: [1, 3, 4], m: [5, 6, 7]}\nmethods: [nuclear, flat-convex]\n");
        Assert.Equal(
            [
                "k: 2 is not allowed; it must be at least r = 3. (at d=3, k=2, m=5, r=3, method nuclear)",
                "r: 4 is not allowed; it must be at most min(d1, d2) = 3. (at d=3, k=2, m=5, r=4, method nuclear)",
                "k: 2 is not allowed; it must be at least r = 4. (at d=3, k=2, m=5, r=4, method nuclear)",
            ],
            errors);
    }

    [Fact]
    public void Missing_dimension_is_reported_through_the_parameter_mapping()
    {
        var error = Assert.Single(Errors("problem: general-sensing\nfixed: {r: 1, m: 4}\nmethods: [nuclear]\n"));
        Assert.StartsWith("d: missing; give d (square) or d1 and d2.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Grid_over_ten_million_trials_is_rejected_before_expansion()
    {
        var error = Assert.Single(Errors("problem: general-sensing\nfixed: {d: 100, r: 1}\naxes: {m: {from: 1, to: 10000, step: 1}, k: {from: 1, to: 100, step: 1}}\nmethods: [nuclear, flat-convex]\ntrials: 20\n"));
        Assert.StartsWith("grid: 40,000,000 trials (10000 m x 100 k cells x 2 methods x 20 trials) is too large; at most 10,000,000 are allowed.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Operator_size_is_the_family_check_so_validate_agrees_with_trial()
    {
        // symmetric-sensing holds m x d(d+1)/2 doubles: 3000 * 45150 * 8 = 1.08e9 bytes, under 2 GiB
        // (the old loader-side m * d^2 * 8 = 2.16e9 rejected it while `sweeps trial` ran it).
        var symmetric = SpecLoader.Load("problem: symmetric-sensing\nfixed: {d: 300, r: 1, m: 3000}\nmethods: [nuclear]\n");
        Assert.Single(symmetric.Definition.Cells);

        // general-sensing holds m x d1 d2 doubles: 9000 * 200^2 * 8 = 2.88e9 bytes > 2^31, the family's message.
        var error = Assert.Single(Assert.Throws<SpecException>(() =>
            SpecLoader.Load("problem: general-sensing\nfixed: {d: 200, r: 1}\naxes: {m: [100, 9000]}\nmethods: [nuclear]\n")).Errors);
        Assert.StartsWith("m: 9000 is not allowed with d1 = 200, d2 = 200: the dense measurement operator would take 2.7 GiB", error, StringComparison.Ordinal);
        Assert.EndsWith("(at d=200, m=9000, r=1, method nuclear)", error, StringComparison.Ordinal);
    }
}
