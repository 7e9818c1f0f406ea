using Sweeps.Client.Specs;

namespace Sweeps.Client.Tests.Specs;

/// <summary>
/// Per-method parameters in a spec's methods list (issue #4), against the real method catalog: parsing into
/// method entries, field-path errors, normalization and sweep-id stability for specs that do not use them.
/// </summary>
public sealed class MethodParameterSpecTests
{
    private const string Head = "problem: general-sensing\nfixed: {d: 6, r: 1}\naxes: {m: [20, 30]}\ntrials: 3\nseed: 4\n";

    private static LoadedSpec Load(string methods) => SpecLoader.Load(Head + methods);

    private static IReadOnlyList<string> Errors(string methods) => Assert.Throws<SpecException>(() => Load(methods)).Errors;

    [Fact]
    public void A_method_entry_keeps_its_own_values_and_a_list_is_an_axis_of_that_method_only()
    {
        var spec = Load("""
            methods:
              - flat-convex
              - { name: gd-small-init, alpha: 1.0e-3, max_iters: 100000 }
              - { name: sam, rho: [0.01, 0.05], alpha: { from: 0.5, to: 1, step: 0.5 } }
            """);
        var d = spec.Definition;
        // rho is listed first, so it varies slowest; a label names the listed values with sorted names, like a cell key.
        Assert.Equal(
            ["flat-convex", "gd-small-init", "sam[alpha=0.5;rho=0.01]", "sam[alpha=1;rho=0.01]", "sam[alpha=0.5;rho=0.05]", "sam[alpha=1;rho=0.05]"],
            d.Methods.ToArray());
        Assert.Equal(2L * 6 * 3, d.TotalTrials);
        Assert.Null(d.Variant("flat-convex"));
        var gd = d.Variant("gd-small-init")!;
        Assert.Equal(("gd-small-init", 1e-3, 100000.0, 2), (gd.Method, gd.Parameters["alpha"], gd.Parameters["max_iters"], gd.Parameters.Count));
        var sam = d.Variant("sam[alpha=1;rho=0.05]")!;
        Assert.Equal(("sam", 1.0, 0.05, 2), (sam.Method, sam.Parameters["alpha"], sam.Parameters["rho"], sam.Parameters.Count));
        // Method parameters are not cell coordinates: the cells (and so the trial seeds) are those of the plain spec.
        Assert.Equal(
            SpecLoader.Load(Head + "methods: [flat-convex]\n").Definition.Cells.Select(c => string.Join(";", c.Parameters)),
            d.Cells.Select(c => string.Join(";", c.Parameters)));
    }

    [Fact]
    public void A_method_value_overrides_a_fixed_one_for_that_method_and_fixed_keeps_its_meaning_for_the_others()
    {
        var spec = SpecLoader.Load("problem: general-sensing\nfixed: {d: 6, r: 1, m: 20, max_iters: 500}\nmethods: [nuclear, { name: gd-small-init, max_iters: 3000 }]\n");
        var cell = spec.Definition.Cells.Single();
        Assert.Equal(500, cell.Parameters["max_iters"]);
        Assert.Equal(3000, spec.Definition.Variant("gd-small-init")!.Apply(cell.Parameters)["max_iters"]);
        Assert.Null(spec.Definition.Variant("nuclear"));

        // A fixed alpha still applies to every method, and nuclear still rejects it.
        var errors = Assert.Throws<SpecException>(() => SpecLoader.Load(
            "problem: general-sensing\nfixed: {d: 6, r: 1, m: 20, alpha: 0.1}\nmethods: [nuclear, { name: gd-small-init, alpha: 0.5 }]\n")).Errors;
        Assert.Single(errors);
        Assert.EndsWith("method nuclear)", errors[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("methods: [{ name: flat-convex, alpha: 1.0e-3 }]", "methods[0].alpha: 0.001 is not allowed; flat-convex has no parameter alpha (its parameters: max_iters).")]
    [InlineData("methods: [nuclear, { name: gd-small-init, rho: 0.1 }]", "methods[1].rho: 0.1 is not allowed; gd-small-init has no parameter rho (its parameters: alpha, step, max_iters).")]
    [InlineData("methods: [{ name: nuclear, alpha: [0.5, 1] }]", "methods[0].alpha: [0.5, 1] is not allowed; nuclear has no parameter alpha (its parameters: max_iters).")]
    [InlineData("methods: [{ name: sam, max_iters: 1.0e+10 }]", "methods[0].max_iters: 10000000000 is not allowed; max_iters must be a whole number of at most 2147483647.")]
    [InlineData("methods: [{ name: sam, rho: [0.01, -1] }]", "methods[0].rho[1]: -1 is not allowed; it must be a finite number > 0.")]
    [InlineData("methods: [{ name: sam, rho: [0.01, 0.01] }]", "methods[0].rho: 0.01 appears 2 times; axis values must be distinct.")]
    [InlineData("methods: [{ name: sam, rho: [] }]", "methods[0].rho: empty; give at least one value.")]
    [InlineData("methods: [{ name: sam, max_iters: 2.5 }]", "methods[0].max_iters: 2.5 is not allowed; max_iters must be a whole number.")]
    [InlineData("methods: [{ name: sam, steps: 2 }]", "methods[0].steps: unknown field 'steps'; allowed: name, lambda, alpha, rho, step, max_iters.")]
    [InlineData("methods: [{ rho: 2 }]", "methods[0].name: missing; give one of flat-convex")]
    [InlineData("methods: [{ name: sgd, rho: 2 }]", "methods[0].name: 'sgd' is not a known method; allowed: flat-convex")]
    [InlineData("methods: [sam, { name: sam, rho: 2 }]", "methods: 'sam' appears more than once; each method may be listed once")]
    [InlineData("methods: [{ name: flat-penalty, lambda: -1 }]", "methods[0].lambda: -1 is not allowed; it must be a finite number >= 0.")]
    public void Bad_method_entries_name_the_field_path_the_value_and_what_is_allowed(string methods, string expected)
    {
        var errors = Errors(methods + "\n");
        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_method_parameter_is_an_axis_of_every_method_or_one_method_own_not_both()
    {
        var errors = Assert.Throws<SpecException>(() => SpecLoader.Load(
            "problem: general-sensing\nfixed: {d: 6, r: 1, m: 20}\naxes: {alpha: [0.1, 1]}\nmethods: [{ name: gd-small-init, alpha: 0.5 }]\n")).Errors;
        Assert.Equal(["methods[0].alpha: alpha is also an axis of the grid; give it either in axes (every method) or here (this method only), not both."], errors);
    }

    /// <summary>The parameters each method documents (docs/METHODS.md), in spec-name order.</summary>
    [Theory]
    [InlineData("flat-convex", "max_iters")]
    [InlineData("nuclear", "max_iters")]
    [InlineData("flat-penalty", "lambda, alpha, max_iters")]
    [InlineData("gd-small-init", "alpha, step, max_iters")]
    [InlineData("sam", "alpha, rho, step, max_iters")]
    [InlineData("gd-random-init", "alpha, max_iters")]
    public void The_catalog_lists_the_documented_parameters_of_each_method(string method, string parameters) =>
        Assert.Equal(parameters, string.Join(", ", SpecCatalog.Default.ParametersOf(method)));

    [Fact]
    public void Normalization_writes_method_entries_that_load_back_and_the_id_follows_the_method_values()
    {
        const string methods = "methods: [flat-convex, { max_iters: 100000, name: gd-small-init, alpha: 1.0e-3 }, { name: sam, rho: [0.05, 0.01] }]\n";
        var spec = Load(methods);
        Assert.Contains(
            "methods:\n  - flat-convex\n  - { name: gd-small-init, alpha: 0.001, max_iters: 100000 }\n  - { name: sam, rho: [0.05, 0.01] }\n",
            spec.NormalizedText, StringComparison.Ordinal);
        var again = SpecLoader.Load(spec.NormalizedText);
        Assert.Equal(spec.NormalizedText, again.NormalizedText);
        Assert.Equal(spec.SweepId, again.SweepId);
        Assert.Equal(spec.Definition.Methods.ToArray(), again.Definition.Methods.ToArray());

        Assert.NotEqual(spec.SweepId, Load(methods.Replace("1.0e-3", "1.0e-4", StringComparison.Ordinal)).SweepId);
        Assert.NotEqual(spec.SweepId, Load(methods.Replace("100000", "50000", StringComparison.Ordinal)).SweepId);
        Assert.NotEqual(spec.SweepId, Load(methods.Replace("[0.05, 0.01]", "[0.05]", StringComparison.Ordinal)).SweepId);
        // A one-value list is still an axis of the method (its value names the entry); a single value is not.
        Assert.Equal(["sam[rho=0.05]"], Load("methods: [{ name: sam, rho: [0.05] }]\n").Definition.Methods.ToArray());
        Assert.Equal(["sam"], Load("methods: [{ name: sam, rho: 0.05 }]\n").Definition.Methods.ToArray());
        // A mapping without parameters is the bare name.
        Assert.Equal(Load("methods: [sam]\n").SweepId, Load("methods: [{ name: sam }]\n").SweepId);
    }

    [Fact]
    public void Specs_without_method_parameters_keep_their_normalized_text_and_sweep_id()
    {
        var plain = Load("methods: [nuclear, flat-convex]\n");
        const string expected = "problem: general-sensing\nfixed:\n  d: 6\n  r: 1\naxes:\n  m: [20, 30]\nmethods: [nuclear, flat-convex]\nsuccess: { tolerance: 0.001 }\nseed: 4\n";
        Assert.Equal(Numerics.Random.StableHash.Of(expected).ToString("x16", System.Globalization.CultureInfo.InvariantCulture)[..12], plain.SweepId);
        Assert.True(plain.Definition.Variants.IsEmpty);

        // examples/fig3a-general-sensing.yaml without its name: the id the loader gave before method parameters existed.
        var fig3a = File.ReadAllText(Path.Combine(RepositoryFolder.Root(), "examples", "fig3a-general-sensing.yaml"));
        var unnamed = string.Join('\n', fig3a.Split('\n').Where(l => !l.StartsWith("name:", StringComparison.Ordinal)));
        Assert.Equal("cc62ebceaa31", SpecLoader.Load(unnamed).SweepId);
    }
}
