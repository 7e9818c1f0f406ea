using Sweeps.Numerics.Methods;
using Sweeps.Numerics.Problems;
using Sweeps.Numerics.Trials;

namespace Sweeps.Numerics.Tests;

public sealed class ParameterTableTests
{
    private static readonly string[] Optional = ["m", "p", "sparsity"];

    [Fact]
    public void Every_named_value_reaches_its_trial_field_and_reads_back()
    {
        var values = ParameterTable.All.Where(p => p.Name != ParameterNames.D)
            .Select((p, i) => (p.Name, Value: 2.0 + i))
            .ToDictionary(x => x.Name, x => x.Value);
        var trial = ParameterNames.ToTrialParameters("general-sensing", "sam", values, new SuccessCriterion(), 7);
        foreach (var (name, value) in values)
            Assert.Equal(value, ParameterTable.Get(name).Read(trial));
        Assert.Equal((int)values[ParameterNames.MaxIters], trial.MethodParameters.MaxIters);
        Assert.Equal((int)values[ParameterNames.Sparsity], trial.Sparsity);
    }

    [Fact]
    public void The_d_shorthand_expands_to_d1_and_d2_and_must_agree_with_them()
    {
        var expanded = ParameterTable.ExpandShorthand(new Dictionary<string, double> { ["d"] = 5, ["r"] = 1 });
        Assert.Equal(["d1", "d2", "r"], expanded.Keys);
        Assert.Equal(5, expanded["d2"]);
        var error = Assert.Throws<ArgumentException>(() => ParameterTable.ExpandShorthand(new Dictionary<string, double> { ["d"] = 5, ["d1"] = 4 }));
        Assert.StartsWith("d: 5 contradicts d1/d2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Families_and_methods_declare_parameters_of_their_role_in_the_table()
    {
        foreach (var name in Catalogs.Problems.Names)
            Assert.All(Catalogs.Problems.Get(name).Parameters, p => Assert.Equal(ParameterRole.Problem, ParameterTable.Get(p).Role));
        foreach (var name in Catalogs.Methods.Names)
            Assert.All(Catalogs.Methods.Get(name).Parameters, p => Assert.Equal(ParameterRole.Method, ParameterTable.Get(p).Role));
    }

    [Theory]
    [InlineData("general-sensing", "sparsity", 2, "sparsity: 2 does not apply to general-sensing; remove it.")]
    [InlineData("robust-pca", "m", 10, "m: 10 does not apply to robust-pca; remove it.")]
    [InlineData("matrix-completion", "depth", 3, "depth: 3 does not apply to matrix-completion; remove it.")]
    public void A_family_rejects_an_optional_parameter_it_does_not_declare(string problem, string name, double value, string message)
    {
        var values = new Dictionary<string, double> { ["d"] = 6, ["r"] = 1, ["m"] = 10, ["p"] = 0.5, ["sparsity"] = 1 };
        values[name] = value;
        foreach (var other in Optional.Where(n => n != name && !Catalogs.Problems.Get(problem).Parameters.Contains(n)))
            values.Remove(other);
        var errors = Catalogs.Problems.Get(problem).Validate(ParameterNames.ToTrialParameters(problem, "nuclear", values, new SuccessCriterion(), 1));
        Assert.Equal([message], errors);
    }

    [Fact]
    public void Every_parameter_has_a_distinct_flag_and_integers_are_the_integer_rows()
    {
        Assert.Equal(ParameterTable.All.Count, ParameterTable.All.Select(p => p.Flag).Distinct().Count());
        Assert.Equal("noise-relative", ParameterTable.Get(ParameterNames.NoiseRelative).Flag);
        Assert.Equal(
            ["d", "d1", "d2", "r", "k", "m", "depth", "r2", "k2", "sparsity", "max_iters"],
            ParameterTable.All.Where(p => ParameterNames.Integers.Contains(p.Name)).Select(p => p.Name));
    }
}
