using System.Globalization;
using Sweeps.Grains.Sweeps;
using Sweeps.Numerics.Trials;

namespace Sweeps.Hosting.Live;

/// <summary>
/// The `sweeps trial ...` command line that reproduces one stored trial bit for bit: the catalog
/// method (not the label of a method entry with its own values), every parameter the trial ran with
/// (the cell's values overlaid with the entry's), the trial seed and the sweep's success criterion;
/// for an external method its name, timeout and command; for a plugin's method or problem the folder it was loaded
/// from (--plugins DIR).
/// </summary>
public static class ReproCommand
{
    public static string For(SweepDefinition sweep, CellDefinition cell, string methodLabel, ulong seed)
    {
        var variant = sweep.Variant(methodLabel);
        var parameters = variant?.Apply(cell.Parameters) ?? cell.Parameters;
        var method = variant?.Method ?? methodLabel;
        var words = new List<string> { "sweeps", "trial" };
        if (Numerics.Plugins.PluginRegistry.FolderProviding(method, sweep.Problem) is { } plugins)
            words.AddRange(["--plugins", Quote(plugins)]);
        words.AddRange(["--problem", sweep.Problem, "--method", method]);
        foreach (var name in ParameterNames.All.Where(parameters.ContainsKey))
            words.AddRange(["--" + name.Replace('_', '-'), Number(parameters[name])]);
        words.AddRange(["--seed", seed.ToString(CultureInfo.InvariantCulture), "--tolerance", Number(sweep.Tolerance)]);
        if (sweep.RelativeToNoise is { } c)
            words.AddRange(["--relative-to-noise", Number(c)]);
        // An external method: its name is the label, and its command follows "--" (README "Bring your own method").
        if (variant?.Command is { } command)
            words.AddRange(["--timeout", Number(command.TimeoutSeconds), "--", .. command.Command.Select(Quote)]);
        else if (sweep.ProblemCommand is { } problem)
            words.AddRange(["--problem-command", "--timeout", Number(problem.TimeoutSeconds), "--", .. problem.Command.Select(Quote)]);
        return string.Join(' ', words);
    }

    /// <summary>A command word as a POSIX shell reads it back: bare when it is plain, else single-quoted.</summary>
    private static string Quote(string word) =>
        word.Length > 0 && word.All(ch => char.IsAsciiLetterOrDigit(ch) || "/._-=:+,@%".Contains(ch, StringComparison.Ordinal))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>Round-trip formatting: the command must parse back to the same double.</summary>
    private static string Number(double value) => Numerics.Trials.ParameterText.Number(value);
}
