using Sweeps.Grains.Sweeps;
using Sweeps.Numerics.Trials;

namespace Sweeps.Client.Output;

/// <summary>
/// The leading trials.csv columns of one trial, in order, and their values: the one list of them, shared by
/// trials.csv / trials.parquet (<see cref="TrialTable"/>, for <c>run</c> and <c>export</c>) and <c>sweeps trial</c>
/// (its table and <c>--json</c>). Identity, then the parameters with a leading column (<see cref="ParameterTable"/>,
/// the values the trial ran with, defaults included), the seed, then the metrics. A new metric is one entry of
/// <see cref="Metrics"/>; the certificate columns follow when a trial has one. Values: long? (Integer), double with NaN for absent (Real), string? (Text), bool (Flag), ulong (Seed).
/// </summary>
public static class TrialRow
{
    private static readonly ParameterDefinition[] Parameters = [.. ParameterTable.All.Where(p => p.Column == TrialColumnPlace.Leading)];

    /// <summary>The metric columns after <c>seed</c>: name, kind and value of a record.</summary>
    private static readonly (string Name, ColumnKind Kind, Func<TrialRecord, object?> Value)[] Metrics =
    [
        ("status", ColumnKind.Text, t => t.Status.ToName()),
        ("rel_error", ColumnKind.Real, t => t.RelError),
        ("success", ColumnKind.Flag, t => t.Success),
        ("loss", ColumnKind.Real, t => t.Loss),
        ("hessian_trace", ColumnKind.Real, t => t.HessianTrace),
        ("flat_trace_at_truth", ColumnKind.Real, t => t.FlatTraceAtTruth),
        ("balance_gap", ColumnKind.Real, t => t.BalanceGap),
        ("rank", ColumnKind.Integer, t => (long?)t.Rank),
        ("iterations", ColumnKind.Integer, t => (long?)t.Iterations),
        ("seconds", ColumnKind.Real, t => t.Seconds),
    ];

    /// <summary>The leading columns: cell, trial, problem, method, the leading parameters, seed, the metrics.</summary>
    public static IReadOnlyList<(string Name, ColumnKind Kind)> Columns { get; } =
    [
        ("cell", ColumnKind.Integer), ("trial", ColumnKind.Integer), ("problem", ColumnKind.Text), ("method", ColumnKind.Text),
        .. Parameters.Select(p => (p.Name, p.Type == ParameterType.Integer ? ColumnKind.Integer : ColumnKind.Real)),
        ("seed", ColumnKind.Seed),
        .. Metrics.Select(m => (m.Name, m.Kind)),
    ];

    /// <summary>
    /// The convex methods' certificate (docs/METHODS.md "Certificates"), right after <see cref="Columns"/> in tables that
    /// hold a certified trial: added after 1.0.0, so tables of nonconvex methods keep their 1.0.0 columns.
    /// </summary>
    public static IReadOnlyList<(string Name, ColumnKind Kind)> Certificate { get; } = [("duality_gap", ColumnKind.Real), ("certified", ColumnKind.OptionalFlag)];

    /// <summary>The values of <see cref="Certificate"/>: the gap (NaN when absent) and the verdict (null when absent).</summary>
    public static object?[] CertificateValues(TrialRecord record) => [record.DualityGap ?? double.NaN, record.Certified];

    /// <summary>The values of <see cref="Columns"/> for a trial of cell <paramref name="cell"/> run with <paramref name="parameters"/>.</summary>
    public static object?[] Leading(long cell, TrialParameters parameters, TrialRecord record) =>
    [
        cell, (long?)record.Trial, parameters.Problem, record.Method,
        .. Parameters.Select(p => Value(p, parameters)),
        record.Seed,
        .. Metrics.Select(m => m.Value(record)),
    ];

    /// <summary>An integer parameter as long? (null when unset), a real one as a double (NaN when unset).</summary>
    private static object? Value(ParameterDefinition definition, TrialParameters parameters)
    {
        var value = definition.Read(parameters);
        if (definition.Type == ParameterType.Integer)
            return value is { } v ? (long)v : null;
        return value ?? double.NaN;
    }

    /// <summary>
    /// One trial as named columns: <see cref="Columns"/>, its extras (by name), then <c>reason</c>; a value that does not
    /// apply is null (an empty cell, a JSON null).
    /// </summary>
    public static IReadOnlyList<(string Name, object? Value)> Named(long cell, TrialParameters parameters, TrialRecord record) =>
    [
        .. Columns.Zip(Leading(cell, parameters, record), (c, v) => (c.Name, v is double d && double.IsNaN(d) ? null : v)),
        .. record.Certified is null ? [] : Certificate.Zip(CertificateValues(record), (c, v) => (c.Name, v is double d && double.IsNaN(d) ? null : v)),
        .. (record.Extras.IsDefault ? [] : record.Extras).Select(e => (e.Key, double.IsNaN(e.Value) ? null : (object?)e.Value)),
        ("reason", record.Reason),
    ];
}
