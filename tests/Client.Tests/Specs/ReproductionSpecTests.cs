using Sweeps.Client.Specs;

namespace Sweeps.Client.Tests.Specs;

/// <summary>The spec features the reproductions use: scatter plots in the plots list and the trials override.</summary>
public sealed class ReproductionSpecTests
{
    private const string Base = "problem: general-sensing\nfixed: {d: 10, k: 10}\naxes: {r: [1, 2], m: [30, 40]}\nmethods: [nuclear, flat-convex]\ntrials: 5\nseed: 1\n";

    private static LoadedSpec Load(string yaml, long? trials = null) => SpecLoader.Load(yaml, ToyCatalog.Instance, trials);

    [Fact]
    public void Scatter_and_phase_plots_are_read_side_by_side_and_survive_normalization()
    {
        var spec = Load(Base + "plots:\n  - { x: m, y: r, facet: method }\n  - { kind: scatter, x: rel_error, y: flatness_ratio }\n  - { y: hessian_trace, kind: scatter, x: rel_error }\n");
        Assert.Equal([new PlotRequest("m", "r", "method")], spec.Plots.ToArray());
        Assert.Equal([new ScatterRequest("rel_error", "flatness_ratio"), new ScatterRequest("rel_error", "hessian_trace")], spec.Scatters.ToArray());
        Assert.Equal("scatter-rel_error-flatness_ratio", spec.Scatters[0].FileStem);
        var again = Load(spec.NormalizedText);
        Assert.Equal(spec.NormalizedText, again.NormalizedText);
        Assert.Equal(spec.Scatters.ToArray(), again.Scatters.ToArray());
        Assert.Equal(spec.Plots.ToArray(), again.Plots.ToArray());
    }

    [Fact]
    public void A_spec_with_only_scatter_plots_draws_no_default_phase_diagram()
    {
        var spec = Load(Base + "plots: [{ kind: scatter, x: rel_error, y: hessian_trace }]\n");
        Assert.Empty(spec.Plots);
        Assert.Single(spec.Scatters);
        Assert.NotEmpty(Load(Base).Plots);
    }

    [Theory]
    [InlineData("{ kind: scatter, x: m, y: hessian_trace }", "plots[0].x: 'm' is not a scatter column; allowed: rel_error, hessian_trace, flatness_ratio")]
    [InlineData("{ kind: scatter, x: rel_error }", "plots[0].y: missing; give one of rel_error")]
    [InlineData("{ kind: scatter, x: rel_error, y: loss, facet: method }", "plots[0].facet: not used by a scatter plot; give kind, x and y.")]
    [InlineData("{ kind: histogram, x: m, y: r }", "plots[0].kind: 'histogram' is not allowed; allowed: phase, scatter.")]
    [InlineData("{ kind: phase, x: m, y: r, metric: median_error_over_sigma }", "plots[0].metric: 'median_error_over_sigma' is not allowed; allowed: success_rate, median_error, median_hessian_trace, median_error_over_noise.")]
    public void Bad_plot_entries_name_the_field_and_what_is_allowed(string plot, string expected)
    {
        var errors = Assert.Throws<SpecException>(() => Load(Base + $"plots: [{plot}]\n")).Errors;
        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Trials_override_replaces_the_spec_trials_and_keeps_the_sweep()
    {
        var spec = Load(Base);
        var more = Load(Base, trials: 40);
        Assert.Equal(5, spec.Definition.Trials);
        Assert.Equal(40, more.Definition.Trials);
        Assert.Equal(spec.Definition.Cells.Length * 2 * 40, more.Definition.TotalTrials);
        Assert.Equal(spec.SweepId, more.SweepId);
        Assert.Contains("trials: 40\n", more.NormalizedText, StringComparison.Ordinal);
        // The written spec.yaml reloads to the overridden sweep without the override.
        Assert.Equal(40, Load(more.NormalizedText).Definition.Trials);
    }

    [Fact]
    public void Trials_override_is_validated_like_the_spec_field()
    {
        var errors = Assert.Throws<SpecException>(() => Load(Base, trials: 0)).Errors;
        Assert.Equal(["--trials: 0 is not allowed; it must be a whole number at least 1."], errors);
        var grid = Assert.Throws<SpecException>(() => Load(Base, trials: 5_000_000)).Errors;
        Assert.StartsWith("grid: 40,000,000 trials", Assert.Single(grid), StringComparison.Ordinal);
    }
}
