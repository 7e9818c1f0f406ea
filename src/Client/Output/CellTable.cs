using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Sweeps.Grains.Sweeps;
using Sweeps.Numerics.Trials;

namespace Sweeps.Client.Output;

/// <summary>
/// cells.csv: one row per cell and method (cells in grid order, methods in spec order):
/// <c>cell, method</c>, every parameter of the spec in <see cref="ParameterNames"/> order (d as
/// d1 and d2; a method's own parameters too, empty in the rows of methods that do not set them),
/// then <see cref="Statistics"/>, then <see cref="StatusColumns"/>. A row's parameters are the values its trials ran with.
/// </summary>
public static class CellTable
{
    public static IReadOnlyList<string> Statistics { get; } =
        ["trials", "successes", "success_rate", "ci_low", "ci_high", "median_error", "median_hessian_trace", "median_seconds", "median_error_over_noise"];

    /// <summary>
    /// The trials of the row that ended with each status, in <see cref="CellStatistics.Statuses"/> order:
    /// converged, iteration-limit (<c>iteration_limited</c>: stopped by the method's cap, so its verdict is the cap's,
    /// not the mathematics'), diverged, invalid-instance, method-error, timeout.
    /// </summary>
    public static IReadOnlyList<string> StatusColumns { get; } =
        [.. CellStatistics.Statuses.Select(s => s == TrialStatus.IterationLimit ? "iteration_limited" : s.ToName().Replace('-', '_'))];

    /// <summary>The parameter columns of a sweep: the names its cells and method variants use, d replaced by d1 and d2, in ParameterNames order.</summary>
    public static IReadOnlyList<string> ParameterColumns(SweepDefinition sweep)
    {
        var names = sweep.Cells.SelectMany(c => ParameterTable.ExpandShorthand(c.Parameters).Keys).ToHashSet();
        names.UnionWith(sweep.Methods.SelectMany(m => sweep.Variant(m)?.Parameters.Keys ?? Enumerable.Empty<string>()));
        return [.. ParameterNames.All.Where(names.Contains)];
    }

    public static IReadOnlyList<string> Header(SweepDefinition sweep) => ["cell", "method", .. ParameterColumns(sweep), .. Statistics, .. StatusColumns];

    public static List<CellSummary> Summarize(SweepDefinition sweep, IEnumerable<TrialRecord> records)
    {
        var byCell = records.ToLookup(r => (r.CellKey, r.Method));
        var rows = new List<CellSummary>();
        foreach (var cell in sweep.Cells)
        {
            foreach (var method in sweep.Methods)
            {
                var parameters = sweep.ParametersOf(cell, method);
                var trials = byCell[(cell.Key, method)].ToList();
                var s = CellStatistics.Of(trials);
                rows.Add(new CellSummary(
                    cell.Index, method, parameters, s.Trials, s.Successes, s.SuccessRate, s.CiLow, s.CiHigh,
                    s.MedianError, s.MedianHessianTrace, s.MedianSeconds, s.StatusCounts));
            }
        }
        return rows;
    }

    /// <summary>Median of the finite values (mean of the middle two for an even count); NaN when there are none.</summary>
    public static double Median(IEnumerable<double> values) => FiniteMedian.Of(values);

    public static string ToCsv(SweepDefinition sweep, IEnumerable<CellSummary> rows)
    {
        var parameters = ParameterColumns(sweep);
        var text = new StringBuilder();
        CsvText.AppendRow(text, Header(sweep));
        foreach (var row in rows)
        {
            CsvText.AppendRow(text,
            [
                row.Cell.ToString(CultureInfo.InvariantCulture), row.Method,
                .. parameters.Select(p => CsvText.Number(row.Parameters.GetValueOrDefault(p, double.NaN))),
                row.Trials.ToString(CultureInfo.InvariantCulture), row.Successes.ToString(CultureInfo.InvariantCulture),
                .. new[] { row.SuccessRate, row.CiLow, row.CiHigh, row.MedianError, row.MedianHessianTrace, row.MedianSeconds, row.MedianErrorOverNoise }.Select(CsvText.Number),
                .. row.StatusCounts.Select(n => n.ToString(CultureInfo.InvariantCulture)),
            ]);
        }
        return text.ToString();
    }

    /// <summary>
    /// Reads cells.csv back (for redrawing plots): parameter columns are those between <c>method</c> and <c>trials</c>;
    /// median_error_over_noise is derived from the parameters and median_error, not read. A file written before the
    /// status columns existed reads with empty status counts.
    /// </summary>
    public static List<CellSummary> Read(string path)
    {
        var rows = CsvText.Parse(File.ReadAllText(path));
        var header = rows.Count == 0 ? [] : rows[0];
        var statuses = header.Length >= StatusColumns.Count && header[^StatusColumns.Count..].SequenceEqual(StatusColumns) ? StatusColumns.Count : 0;
        var end = header.Length - statuses;
        if (end < 2 + Statistics.Count || header[0] != "cell" || header[1] != "method" || !header[(end - Statistics.Count)..end].SequenceEqual(Statistics))
            throw new FormatException($"{path}: not a cells.csv file (expected cell, method, parameters, {string.Join(", ", Statistics)}, then optionally {string.Join(", ", StatusColumns)}).");
        var parameters = header[2..(end - Statistics.Count)];
        static double Real(string s) => s.Length == 0 ? double.NaN : double.Parse(s, CultureInfo.InvariantCulture);
        static int Whole(string s) => int.Parse(s, CultureInfo.InvariantCulture);
        return rows.Skip(1).Select(f =>
        {
            var values = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
            for (var i = 0; i < parameters.Length; i++)
                if (f[2 + i].Length > 0)
                    values[parameters[i]] = Real(f[2 + i]);
            var s = f[(end - Statistics.Count)..end];
            return new CellSummary(Whole(f[0]), f[1], values.ToImmutable(), Whole(s[0]), Whole(s[1]), Real(s[2]), Real(s[3]), Real(s[4]), Real(s[5]), Real(s[6]), Real(s[7]),
                [.. f[end..].Select(Whole)]);
        }).ToList();
    }
}
