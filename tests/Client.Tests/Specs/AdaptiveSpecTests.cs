using Sweeps.Client.Adaptive;
using Sweeps.Client.Specs;

namespace Sweeps.Client.Tests.Specs;

/// <summary>The spec's <c>adaptive:</c> block: read with its defaults, written to the normalized spec, kept out of the sweep id, and every wrong field named.</summary>
public sealed class AdaptiveSpecTests
{
    private const string Grid = """
        problem: general-sensing
        fixed: { d: 20, k: 20 }
        axes:
          r: [1, 2]
          m: [40, 80, 120]
        methods: [flat-convex]
        trials: 10

        """;

    private static LoadedSpec Load(string yaml) => SpecLoader.Load(yaml, ToyCatalog.Instance);

    private static IReadOnlyList<string> Errors(string adaptive) => Assert.Throws<SpecException>(() => Load(Grid + adaptive)).Errors;

    [Fact]
    public void Adaptive_block_is_read_with_defaults_normalized_and_not_part_of_the_sweep_id()
    {
        var spec = Load(Grid + "adaptive: { max_trials: 5000 }\n");
        Assert.Equal(new AdaptiveSettings("m", AdaptiveSettings.DefaultPrecision, 5000, AdaptiveSettings.DefaultBatch), spec.Adaptive);
        Assert.EndsWith("adaptive: { axis: m, precision: 0.05, max_trials: 5000, batch: 64 }\n", spec.NormalizedText, StringComparison.Ordinal);
        Assert.Equal(Load(Grid).SweepId, spec.SweepId);
        Assert.Null(Load(Grid).Adaptive);
        Assert.Equal(spec.NormalizedText, SpecLoader.Load(spec.NormalizedText, ToyCatalog.Instance).NormalizedText);

        var full = Load(Grid + "adaptive: { axis: m, precision: 0.02, max_trials: 20000, batch: 32 }\n");
        Assert.Equal(new AdaptiveSettings("m", 0.02, 20000, 32), full.Adaptive);
    }

    [Theory]
    [InlineData("adaptive: { axis: r, max_trials: 100 }", "adaptive.axis: 'r' is not allowed; it must be the transition axis 'm'")]
    [InlineData("adaptive: { axis: p, max_trials: 100 }", "adaptive.axis: 'p' is not allowed; it must be the transition axis 'm'")]
    [InlineData("adaptive: { precision: 0, max_trials: 100 }", "adaptive.precision: 0 is not allowed; it must be a number above 0 and below 1")]
    [InlineData("adaptive: { precision: 1, max_trials: 100 }", "adaptive.precision: 1 is not allowed")]
    [InlineData("adaptive: { max_trials: 59 }", "adaptive.max_trials: 59 is not allowed; it must be at least the grid's 60 trials")]
    [InlineData("adaptive: { precision: 0.1 }", "adaptive.max_trials: missing; it is required")]
    [InlineData("adaptive: { max_trials: 100, batch: 0 }", "adaptive.batch: 0 is not allowed; it must be a whole number at least 1")]
    [InlineData("adaptive: { max_trials: 100, rounds: 3 }", "adaptive.rounds: unknown field 'rounds'; allowed: axis, precision, max_trials, batch.")]
    [InlineData("adaptive: 3", "adaptive: '3' is not allowed; it must be a mapping")]
    public void Wrong_adaptive_fields_are_named_with_what_is_allowed(string adaptive, string expected)
    {
        var errors = Errors(adaptive + "\n");
        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void The_budget_is_checked_against_the_trials_after_an_override()
    {
        var error = Assert.Throws<SpecException>(() => SpecLoader.Load(Grid + "adaptive: { max_trials: 100 }\n", ToyCatalog.Instance, trials: 20)).Errors;
        Assert.Contains(error, e => e.StartsWith("adaptive.max_trials: 100 is not allowed; it must be at least the grid's 120 trials", StringComparison.Ordinal));
    }
}
