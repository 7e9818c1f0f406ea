using System.Security.Cryptography;
using Sweeps.Client.Specs;

namespace Sweeps.Client.Tests.External;

/// <summary>External-method entries of a spec (issue #16): paths, the script hash in the sweep id, and clear errors.</summary>
[Collection(ExternalScripts.Collection)]
public sealed class ExternalMethodSpecTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sweeps-external-spec-").FullName;

    public ExternalMethodSpecTests() => ExternalScripts.CopyTo(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string Spec(string method, string problem = "symmetric-sensing") => $$"""
        problem: {{problem}}
        fixed: { d: 6, r: 1, m: 18 }
        methods:
          - flat-convex
          - {{method}}
        trials: 3
        """;

    private LoadedSpec Load(string yaml) => SpecLoader.Load(yaml, folder: _root);

    [Fact]
    public void Relative_scripts_are_made_absolute_and_hashed_into_the_sweep_id()
    {
        var script = Path.Combine(_root, "gd_sensing.py");
        var spec = Load(Spec("{ name: py-gd, command: [python3, gd_sensing.py, --fast], timeout: 30, step: [0.1, 0.2] }"));
        var variant = Assert.Single(spec.Definition.Variants, v => v.Label == "py-gd[step=0.1]");
        var command = variant.Command!;
        Assert.Equal(["python3", script, "--fast"], command.Command.ToArray());
        Assert.Equal(30, command.TimeoutSeconds);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(script))), command.Sha256);
        Assert.Equal(["flat-convex", "py-gd[step=0.1]", "py-gd[step=0.2]"], spec.Definition.Methods.ToArray());

        // The normalized text pins command and hash: loading it again (from anywhere) gives the same sweep.
        var again = SpecLoader.Load(spec.NormalizedText);
        Assert.Equal(spec.NormalizedText, again.NormalizedText);
        Assert.Equal(spec.SweepId, again.SweepId);

        var otherTimeout = Load(Spec("{ name: py-gd, command: [python3, gd_sensing.py, --fast], timeout: 31, step: [0.1, 0.2] }"));
        Assert.NotEqual(spec.SweepId, otherTimeout.SweepId);
        File.AppendAllText(script, "\n# a new version\n");
        var edited = Load(Spec("{ name: py-gd, command: [python3, gd_sensing.py, --fast], timeout: 30, step: [0.1, 0.2] }"));
        Assert.NotEqual(spec.SweepId, edited.SweepId);
        Assert.NotEqual(command.Sha256, edited.Definition.Variants[0].Command!.Sha256);
    }

    [Theory]
    [InlineData("{ name: flat-penalty, command: [python3, x.py] }", "methods[1].name: 'flat-penalty' is a built-in method; give the external method a name of its own.")]
    [InlineData("{ name: mine, command: python3 }", "methods[1].command: 'python3' is not allowed; give the program and its arguments as a list")]
    [InlineData("{ name: mine, command: [python3, x.py], timeout: -1 }", "methods[1].timeout: -1 is not allowed; it must be a positive number of seconds.")]
    [InlineData("{ name: mine, command: [python3, x.py], sha256: abc }", "methods[1].sha256: 'abc' is not allowed; it must be 64 lowercase hex digits")]
    [InlineData("{ name: sam, timeout: 5 }", "methods[1].timeout: unknown field 'timeout'; allowed: name, lambda")]
    [InlineData("{ name: My_Method, command: [python3, x.py] }", "methods[1].name: 'My_Method' is not allowed; use lowercase letters")]
    public void Malformed_external_entries_are_errors_naming_the_field(string method, string expected)
    {
        var error = Assert.Throws<SpecException>(() => Load(Spec(method)));
        Assert.Contains(error.Errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_problem_without_measurement_matrices_is_refused()
    {
        var error = Assert.Throws<SpecException>(() => Load("""
            problem: quadratic-network
            fixed: { d: 6, r: 1, k: 6, m: 40 }
            methods: [{ name: mine, command: [python3, gd_sensing.py] }]
            """));
        Assert.Contains(error.Errors, e => e.StartsWith("problem: 'quadratic-network' cannot be given to the external method mine; allowed: symmetric-sensing", StringComparison.Ordinal));
    }
}
