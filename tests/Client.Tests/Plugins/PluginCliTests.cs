using System.Text.RegularExpressions;
using Sweeps.Client.Output;
using Sweeps.Client.Specs;
using Sweeps.Client.Tests.Run;
using Sweeps.Numerics.Tests.Plugins;

namespace Sweeps.Client.Tests.Plugins;

/// <summary>
/// The sample .NET plugin through the CLI (issue #16), each command a real `sweeps` process so this test process's
/// catalogs stay the built-ins: `--plugins DIR` and SWEEPS_PLUGINS make heavy-ball a method of specs and of
/// `sweeps trial`; the plugin's sha256 is in spec.yaml and the sweep id, so another build makes another sweep, and a
/// spec pinned to one build refuses another; without the plugin the method is unknown.
/// </summary>
public sealed partial class PluginCliTests : IDisposable
{
    private const string Spec = """
        problem: symmetric-sensing
        fixed: { d: 8, r: 1, k: 2 }
        axes: { m: [24, 30] }
        methods: [gd-small-init, heavy-ball]
        trials: 3
        seed: 6
        """;

    private static readonly string[] MethodStatuses = ["converged", "iteration-limit"];

    private readonly string _root = Directory.CreateTempSubdirectory("sweeps-plugin-cli-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [GeneratedRegex("ok: sweep '([0-9a-f]{12})'")]
    private static partial Regex SweepId();

    [Fact]
    public void A_plugin_method_runs_in_a_sweep_and_its_build_is_part_of_the_sweep_id()
    {
        var plugins = SamplePluginFolder.Path();
        var spec = Path.Combine(_root, "spec.yaml");
        File.WriteAllText(spec, Spec);

        var without = Sweeps(spec, "validate");
        Assert.Equal(2, without.ExitCode);
        Assert.Contains("methods: 'heavy-ball' is not a known method", without.Output, StringComparison.Ordinal);

        var output = Path.Combine(_root, "out");
        var run = Sweeps(spec, "run", "--out", output, "--plugins", plugins);
        Assert.True(run.ExitCode == 0, run.Output);
        var rows = TrialTable.ReadCsv(Path.Combine(output, OutputFolder.TrialsCsv));
        Assert.Equal(12, rows.Count);
        var heavyBall = rows.Where(r => r["method"] == "heavy-ball").ToList();
        Assert.Equal(6, heavyBall.Count);
        Assert.All(heavyBall, r => Assert.Contains(r["status"], MethodStatuses));
        Assert.Contains(heavyBall, r => r["success"] == "true");

        var hash = Numerics.Plugins.PluginRegistry.Hash(Path.Combine(plugins, "SamplePlugin", "SamplePlugin.dll"));
        var normalized = Path.Combine(output, "spec.yaml");
        Assert.Contains($"plugins: {{ SamplePlugin: {hash} }}", File.ReadAllText(normalized), StringComparison.Ordinal);

        // The same build by the variable: the normalized spec is the same sweep and nothing is recomputed (the outputs
        // are written again from the stored records, so even the seconds column is unchanged).
        var trials = File.ReadAllText(Path.Combine(output, OutputFolder.TrialsCsv));
        File.Copy(normalized, normalized = Path.Combine(_root, "normalized.yaml"));
        var again = Sweeps(normalized, "run", "--out", output, ("SWEEPS_PLUGINS", plugins));
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Equal(trials, File.ReadAllText(Path.Combine(output, OutputFolder.TrialsCsv)));

        // Another build of the plugin (the same code with a byte appended): a new sweep id, and the pinned spec refuses it.
        var rebuilt = Directory.CreateDirectory(Path.Combine(_root, "rebuilt", "SamplePlugin")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(plugins, "SamplePlugin")))
            File.Copy(file, Path.Combine(rebuilt, Path.GetFileName(file)));
        using (var dll = File.Open(Path.Combine(rebuilt, "SamplePlugin.dll"), FileMode.Append))
            dll.WriteByte(0);
        var first = Sweeps(spec, "validate", "--plugins", plugins);
        var second = Sweeps(spec, "validate", "--plugins", Path.GetDirectoryName(rebuilt)!);
        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, first.Output + second.Output);
        Assert.NotEqual(SweepId().Match(first.Output).Groups[1].Value, SweepId().Match(second.Output).Groups[1].Value);
        var pinned = Sweeps(normalized, "validate", "--plugins", Path.GetDirectoryName(rebuilt)!);
        Assert.Equal(2, pinned.ExitCode);
        Assert.Contains($"plugins.SamplePlugin: the spec was written for sha256 {hash[..12]}", pinned.Output, StringComparison.Ordinal);
        var unloaded = Sweeps(normalized, "validate");
        Assert.Equal(2, unloaded.ExitCode);
        Assert.Contains("plugins.SamplePlugin: not loaded; give --plugins DIR (or SWEEPS_PLUGINS) with the folder holding SamplePlugin.dll.", unloaded.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_live_page_command_of_a_plugin_trial_names_the_plugin_folder_and_reproduces_the_trial()
    {
        var plugins = SamplePluginFolder.Path();
        Numerics.Plugins.PluginRegistry.LoadFolder(plugins);
        var spec = Path.Combine(_root, "spec.yaml");
        File.WriteAllText(spec, Spec);
        var definition = SpecLoader.LoadFile(spec).Definition;
        var command = Hosting.Live.ReproCommand.For(definition, definition.Cells[0], "heavy-ball", 4);
        Assert.StartsWith($"sweeps trial --plugins {plugins} --problem", command, StringComparison.Ordinal);
        var words = command.Split(' ').Skip(1).Append("--json").ToArray();
        var run = SweepsProcess.RunWithOutput(TimeSpan.FromMinutes(1), new Dictionary<string, string>(), words);
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("\"method\":\"heavy-ball\"", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("--plugins", Hosting.Live.ReproCommand.For(definition, definition.Cells[0], "gd-small-init", 4), StringComparison.Ordinal);
    }

    [Fact]
    public void Sweeps_trial_runs_a_plugin_method_and_a_bad_plugin_folder_is_refused_naming_it()
    {
        var plugins = SamplePluginFolder.Path();
        var trial = SweepsProcess.Run(TimeSpan.FromMinutes(1), "trial", "--plugins", plugins,
            "--problem", "symmetric-sensing", "--d", "8", "--r", "1", "--k", "2", "--m", "30", "--method", "heavy-ball", "--seed", "4", "--json");
        Assert.True(trial.ExitCode == 0, trial.Error);

        var nowhere = Path.Combine(_root, "nowhere");
        var bad = SweepsProcess.Run(TimeSpan.FromMinutes(1), "validate", "x.yaml", "--plugins", nowhere);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains($"plugins: '{nowhere}' is not a folder", bad.Error, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output) Sweeps(string spec, string verb, params object[] rest)
    {
        var args = new List<string> { verb, spec };
        var environment = new Dictionary<string, string>();
        foreach (var item in rest)
        {
            if (item is (string name, string value))
                environment[name] = value;
            else
                args.Add((string)item);
        }
        return SweepsProcess.RunWithOutput(TimeSpan.FromMinutes(3), environment, [.. args]);
    }
}
