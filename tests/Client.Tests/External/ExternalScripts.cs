using System.Diagnostics;

namespace Sweeps.Client.Tests.External;

/// <summary>The Python methods of these tests (copied next to the test assembly) and the interpreter that has numpy.</summary>
internal static class ExternalScripts
{
    /// <summary>Debian's python3 with python3-numpy (scripts/test-services.sh installs it).</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>The external-method tests run one at a time: they check that no instance folder or process is left behind.</summary>
    public const string Collection = "external methods";

    public const string GradientDescent = "gd_sensing.py", Misbehave = "misbehave.py", CoinProblem = "coin_problem.py";

    /// <summary>Copies the scripts into <paramref name="folder"/>.</summary>
    public static void CopyTo(string folder)
    {
        foreach (var script in new[] { GradientDescent, Misbehave, CoinProblem })
            File.Copy(Path.Combine(AppContext.BaseDirectory, "External", script), Path.Combine(folder, script), overwrite: true);
    }

    /// <summary>The temporary instance folders external methods use that exist now.</summary>
    public static HashSet<string> InstanceFolders() => InstanceFolders(Path.GetTempPath());

    /// <summary>The instance folders under <paramref name="temp"/>.</summary>
    public static HashSet<string> InstanceFolders(string temp) => [.. Directory.GetDirectories(temp, "sweeps-external-*")];

    /// <summary>
    /// The instance folders in the process's temporary folder that hold the trial of <paramref name="method"/> and
    /// <paramref name="seed"/>: an in-process test's own, told apart from those of tests running at the same time.
    /// </summary>
    public static List<string> InstanceFoldersOf(string method, ulong seed) =>
        [.. InstanceFolders().Where(folder =>
        {
            try
            {
                using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "instance.json")));
                return json.RootElement.GetProperty("method").GetString() == method && json.RootElement.GetProperty("trial_seed").GetUInt64() == seed;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or KeyNotFoundException)
            {
                return false; // removed meanwhile, or not yet written: another trial's folder at work
            }
        })];

    /// <summary>
    /// A temporary folder of the test's own (under <paramref name="root"/>) and the environment that gives it to a sweeps
    /// child process (TMPDIR), so that its instance folders are told apart from those of tests running at the same time.
    /// </summary>
    public static (string Temp, Dictionary<string, string> Environment) PrivateTemp(string root)
    {
        var temp = Directory.CreateDirectory(Path.Combine(root, "tmp")).FullName;
        return (temp, new Dictionary<string, string> { ["TMPDIR"] = temp });
    }

    /// <summary>Running processes whose command line mentions <paramref name="text"/> (Linux /proc).</summary>
    public static List<int> ProcessesMentioning(string text) =>
        [.. Directory.GetDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : -1)
            .Where(pid => pid > 0 && pid != Environment.ProcessId && CommandLine(pid).Contains(text, StringComparison.Ordinal))];

    /// <summary>Runs python3 with the arguments; fails the test with stderr when it exits non-zero.</summary>
    public static void RunPython(params string[] args)
    {
        var info = new ProcessStartInfo(Python) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        _ = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "python3 did not finish");
        Assert.True(process.ExitCode == 0, error);
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}
