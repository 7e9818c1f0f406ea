using Sweeps.Client.Specs;
using Sweeps.Grains.Sweeps;
using Sweeps.Numerics.Trials;

namespace Sweeps.Client.Tests.External;

/// <summary>
/// README "Bring your own method": examples/bring-your-own-method.yaml loads from the repository (its script path
/// relative to the spec), and examples/methods/my_gd.py answers a trial that Sweeps then measures as a success.
/// </summary>
[Collection(ExternalScripts.Collection)]
public sealed class ExampleMethodTests
{
    [Fact]
    public void The_readme_example_spec_loads_and_its_python_method_recovers_a_full_measurement_instance()
    {
        var examples = Path.Combine(RepositoryFolder.Root(), "examples");
        var spec = SpecLoader.Load(File.ReadAllText(Path.Combine(examples, "bring-your-own-method.yaml")), folder: examples);
        Assert.Equal(["gd-small-init", "my-gd"], spec.Definition.Methods.ToArray());
        var command = Assert.Single(spec.Definition.Variants, v => v.Label == "my-gd").Command!;
        Assert.Equal(["/usr/bin/python3", Path.Combine(examples, "methods", "my_gd.py")], command.Command.ToArray());

        // m = 36 = d(d+1)/2 measurements determine X: gradient descent from a small start must recover it.
        var parameters = ParameterNames.ToTrialParameters(
            "symmetric-sensing", "my-gd", new Dictionary<string, double> { ["d"] = 8, ["r"] = 1, ["m"] = 36 }, new SuccessCriterion(), 3) with
        {
            External = command.ToExternal(),
        };
        var result = TrialRunner.Run(parameters);
        Assert.True(result.Success, $"{result.Status}: {result.Reason} (rel_error {result.RelError})");
        Assert.InRange(result.Iterations, 1, 20000);
    }
}
