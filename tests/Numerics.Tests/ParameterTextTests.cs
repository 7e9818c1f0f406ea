using Sweeps.Numerics.Random;
using Sweeps.Numerics.Trials;

namespace Sweeps.Numerics.Tests;

/// <summary>
/// The text every identity is built from (cell keys, seeds, fingerprints, variant labels): stored sweeps are keyed
/// by it, so its exact form is pinned here.
/// </summary>
public sealed class ParameterTextTests
{
    [Theory]
    [InlineData(80.0, "80")]
    [InlineData(0.001, "0.001")]
    [InlineData(1e-5, "1E-05")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(-2.5, "-2.5")]
    public void Numbers_are_invariant_round_trip_text(double value, string text)
    {
        Assert.Equal(text, ParameterText.Number(value));
        Assert.Equal(value, double.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_set_is_sorted_by_ordinal_name_whatever_the_order_given()
    {
        KeyValuePair<string, double>[] given = [new("r", 2), new("m", 80), new("d_2", 5), new("d", 20)];
        Assert.Equal("d=20;d_2=5;m=80;r=2", ParameterText.Set(given));
        Assert.Equal("r=2;m=80;d_2=5;d=20", ParameterText.Join(given));
        Assert.Equal("sam[rho=0.05;steps=100]", ParameterText.VariantLabel("sam", [new("steps", 100), new("rho", 0.05)]));
        Assert.Equal("sam", ParameterText.MethodOf("sam[rho=0.05]"));
        Assert.Equal("sam", ParameterText.MethodOf("sam"));
    }

    [Fact]
    public void The_trial_seed_hashes_the_canonical_set_of_the_cell()
    {
        KeyValuePair<string, double>[] cell = [new("m", 80), new("d", 20), new("r", 2)];
        var h = StableHash.Combine(42UL, StableHash.Of(ParameterText.Set(cell)));
        Assert.Equal(StableHash.Combine(h, 3UL), TrialSeed.Derive(42, cell, 3).Value);
    }
}
