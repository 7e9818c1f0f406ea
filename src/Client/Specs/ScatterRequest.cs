namespace Sweeps.Client.Specs;

/// <summary>
/// A per-trial scatter plot of a spec's <c>plots</c> list, <c>{ kind: scatter, x: COLUMN, y: COLUMN }</c>:
/// one point per trial of trials.csv, log-log, coloured by method. <see cref="X"/> and <see cref="Y"/>
/// are among <see cref="Columns"/>; <c>flatness_ratio</c> is hessian_trace / flat_trace_at_truth
/// (1 at the flattest factorization of the truth).
/// </summary>
public sealed record ScatterRequest(string X, string Y)
{
    /// <summary>The value of a plot's <c>kind</c> field that asks for a scatter plot (the default, <c>phase</c>, a phase diagram).</summary>
    public const string Kind = "scatter", PhaseKind = "phase", FlatnessRatio = "flatness_ratio";

    /// <summary>The trials.csv quantities a scatter plot can use (all positive where they apply, so that log axes fit).</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["rel_error", "hessian_trace", FlatnessRatio, "flat_trace_at_truth", "loss", "balance_gap", "iterations", "seconds"];

    /// <summary>Base file name (no extension): scatter-&lt;x&gt;-&lt;y&gt;.</summary>
    public string FileStem => $"scatter-{X}-{Y}";

    /// <summary>
    /// A scatter plot from its field values (kind, x, y), or null after adding to
    /// <paramref name="errors"/> one message per problem, each prefixed with <paramref name="field"/>.
    /// </summary>
    public static ScatterRequest? TryCreate(string field, IReadOnlyDictionary<string, string> values, List<string> errors)
    {
        var before = errors.Count;
        foreach (var key in values.Keys.Where(k => k is not ("kind" or "x" or "y")))
            errors.Add($"{field}.{key}: not used by a scatter plot; give kind, x and y.");
        foreach (var key in (string[])["x", "y"])
        {
            if (!values.TryGetValue(key, out var column))
                errors.Add($"{field}.{key}: missing; give one of {string.Join(", ", Columns)}.");
            else if (!Columns.Contains(column))
                errors.Add($"{field}.{key}: '{column}' is not a scatter column; allowed: {string.Join(", ", Columns)}.");
        }
        return errors.Count > before ? null : new ScatterRequest(values["x"], values["y"]);
    }
}
