using System.Text;
using Sweeps.Numerics.Trials;

namespace Sweeps.Grains.Sweeps;

/// <summary>Checks on a <see cref="SweepDefinition"/> as the coordinator receives it.</summary>
internal static class SweepDefinitions
{
    /// <summary>
    /// A stable hash of the work a definition describes (cells by key and parameters, methods, trials, seed,
    /// criterion, then the method variants); a definition without variants or per-cell trials hashes as it did before they existed.
    /// </summary>
    public static ulong Fingerprint(SweepDefinition d)
    {
        var text = new StringBuilder()
            .Append(d.Problem).Append('|').Append(d.Seed).Append('|').Append(Criterion(d)).Append('|').Append(d.Trials).Append('|')
            .AppendJoin(',', d.Methods).Append('|');
        foreach (var cell in d.Cells)
        {
            text.Append(cell.Key).Append('{').Append(ParameterText.Join(cell.Parameters)).Append('}');
            if (cell.Trials is { } trials)
                text.Append('#').Append(trials);
        }
        foreach (var variant in d.Methods.Select(d.Variant).OfType<MethodVariant>())
            text.Append('|').Append(Describe(variant));
        if (d.ProblemPlugin is { } plugin)
            text.Append("|problem<").Append(plugin.Describe()).Append('>');
        if (d.ProblemCommand is { } command)
            text.Append("|problem<").Append(command.Describe()).Append('>');
        return Numerics.Random.StableHash.Of(text.ToString());
    }

    /// <summary>Errors that make a definition unusable, each naming the field and value; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(SweepDefinition d, string sweepId)
    {
        var errors = new List<string>();
        if (d.SweepId != sweepId)
            errors.Add($"sweep_id: '{d.SweepId}' was sent to the sweep '{sweepId}'.");
        if (d.Trials < 1)
            errors.Add($"trials: {d.Trials} is not allowed; it must be at least 1.");
        if (d.Methods.IsDefaultOrEmpty || d.Methods.Distinct().Count() != d.Methods.Length || d.Methods.Any(m => m.Contains('/', StringComparison.Ordinal)))
            errors.Add("methods: give at least one method, each once, without '/'.");
        if (d.Cells.IsDefaultOrEmpty || d.Cells.Select(c => c.Key).Distinct().Count() != d.Cells.Length)
            errors.Add("cells: give at least one cell, each key once.");
        else if (d.Cells.FirstOrDefault(c => c.Trials < 1) is { } empty)
            errors.Add($"cells: cell '{empty.Key}' has {empty.Trials} trials; a cell's own trials must be at least 1.");
        if (!d.Variants.IsDefault && d.Variants.FirstOrDefault(v => !d.Methods.Contains(v.Label)) is { } stray)
            errors.Add($"variants: '{stray.Label}' is not one of the methods; each variant describes a method label.");
        if (!d.Variants.IsDefault && d.Variants.Select(v => v.Label).Distinct().Count() != d.Variants.Length)
            errors.Add("variants: each method label may have one variant.");
        return errors;
    }

    /// <summary>Why <paramref name="next"/> cannot replace <paramref name="current"/>, or null when it can (stored results stay valid).</summary>
    public static string? Incompatibility(SweepDefinition current, SweepDefinition next)
    {
        if (current.Problem != next.Problem)
            return $"problem: a sweep cannot change its problem ('{current.Problem}' -> '{next.Problem}'); give the spec a new name.";
        if (current.ProblemPlugin != next.ProblemPlugin)
            return $"problem: a sweep cannot change its problem's plugin ({current.ProblemPlugin?.Describe() ?? "built-in"} -> {next.ProblemPlugin?.Describe() ?? "built-in"}); give the spec a new name.";
        if (current.ProblemCommand?.Describe() != next.ProblemCommand?.Describe())
            return $"problem: a sweep cannot change its problem's command ({current.ProblemCommand?.Describe() ?? "built-in"} -> {next.ProblemCommand?.Describe() ?? "built-in"}); give the spec a new name.";
        if (current.Seed != next.Seed)
            return $"seed: a sweep cannot change its seed ({current.Seed} -> {next.Seed}); give the spec a new name.";
        if (Criterion(current) != Criterion(next))
            return $"success: a sweep cannot change its success criterion ({Criterion(current)} -> {Criterion(next)}); give the spec a new name.";
        var known = current.Cells.ToDictionary(c => c.Key);
        foreach (var cell in next.Cells)
        {
            if (!known.TryGetValue(cell.Key, out var old))
                continue;
            if (!old.Parameters.SequenceEqual(cell.Parameters))
                return $"cells: cell '{cell.Key}' changed its parameters; give the spec a new name.";
            // A cell's own trials (adaptive rounds) only grow: a later round is planned on all of them.
            if (old.Trials is { } had && next.TrialsOf(cell) < had)
                return $"cells: cell '{cell.Key}' would go from {had} to {next.TrialsOf(cell)} trials; a cell's own trials can only grow (rerun the adaptive spec as it was, or give the spec a new name).";
        }
        foreach (var method in next.Methods.Where(current.Methods.Contains))
        {
            var (was, now) = (Describe(current, method), Describe(next, method));
            if (was != now)
                return $"methods: '{method}' changed its parameters ({was} -> {now}); give the spec a new name.";
        }
        return null;
    }

    /// <summary>What runs under a method label: the catalog method and its own parameters ("sam{rho=0.05}"; a plain method is its name).</summary>
    private static string Describe(SweepDefinition d, string label) => d.Variant(label) is { } v ? Describe(v) : label;

    private static string Describe(MethodVariant v) =>
        v.Method + "{" + ParameterText.Join(v.Parameters) + "}" + (v.Command is { } c ? "<" + c.Describe() + ">" : "") +
        (v.Plugin is { } p ? "<" + p.Describe() + ">" : "");

    private static string Criterion(SweepDefinition d) =>
        "tolerance=" + R(d.Tolerance) + (d.RelativeToNoise is { } c ? ",relative_to_noise=" + R(c) : "");

    private static string R(double value) => ParameterText.Number(value);
}
