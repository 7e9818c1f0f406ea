using Sweeps.Numerics;
using Sweeps.Client.Specs;
using Sweeps.Numerics.Methods;
using Sweeps.Numerics.Problems;

namespace Sweeps.Client.Tests.Specs;

/// <summary>The loader against the real Numerics catalogs: names and per-cell checks come from the registered families and methods.</summary>
public sealed class DefaultCatalogTests
{
    [Fact]
    public void Registered_problem_and_methods_load()
    {
        var spec = SpecLoader.Load("problem: symmetric-sensing\nfixed: {d: 20, k: 20}\naxes: {r: [1, 2, 3], m: {from: 40, to: 100, step: 6}}\nmethods: [flat-penalty, gd-random-init]\ntrials: 20\nseed: 42\n");
        Assert.Equal(33, spec.Definition.Cells.Length);
        Assert.Equal(33L * 2 * 20, spec.Definition.TotalTrials);
    }

    [Fact]
    public void Family_and_method_rules_are_applied_to_every_cell()
    {
        var errors = Assert.Throws<SpecException>(() => SpecLoader.Load(
            "problem: general-sensing\nfixed: {d: 4}\naxes: {r: [1, 5], m: [10, 17]}\nmethods: [gd-small-init]\nseed: 1\n")).Errors;
        // r = 5 > min(d1, d2) = 4 (first at m = 10), and m = 17 > d1 * d2 = 16 (first at r = 1): each reported once.
        Assert.Contains(errors, e => e.StartsWith("r: 5 is not allowed", StringComparison.Ordinal) && e.EndsWith("(at d=4, m=10, r=5, method gd-small-init)", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("m: 17 is not allowed", StringComparison.Ordinal) && e.EndsWith("(at d=4, m=17, r=1, method gd-small-init)", StringComparison.Ordinal));
        Assert.Equal(errors.Count, errors.Distinct().Count());
    }

    [Fact]
    public void Unknown_names_list_what_the_catalogs_hold()
    {
        var errors = Assert.Throws<SpecException>(() => SpecLoader.Load("problem: sensing\nfixed: {d: 4, r: 1, m: 8}\nmethods: [sgd]\n")).Errors;
        Assert.Contains($"problem: 'sensing' is not a known problem; allowed: {string.Join(", ", Catalogs.Problems.Names)}.", errors);
        Assert.Contains($"methods: 'sgd' is not a known method; allowed: {string.Join(", ", Catalogs.Methods.Names)}.", errors);
    }
}
