using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Parquet;
using Parquet.Schema;
using Sweeps.Grains.Sweeps;
using Sweeps.Numerics.Trials;

namespace Sweeps.Client.Output;

/// <summary>
/// trials.csv / trials.parquet: one row per trial, sorted by cell, method (spec order), trial.
/// Columns, in this order: <see cref="Leading"/> (<see cref="TrialRow"/>), the <see cref="Certificate"/> columns (when a
/// trial of the table has a certificate, i.e. ran a convex method), then the extras (sorted by name: the records'
/// family-specific metrics and the spec's parameters that have no leading column, such as alpha, whether
/// given to every method or to one method only), then <c>reason</c>. A parameter column holds the value the
/// trial ran with (a method's own value over the grid's). A value that does not apply (NaN, a parameter
/// absent: the method's default) is empty.
/// </summary>
public sealed class TrialTable
{
    public static IReadOnlyList<string> Leading { get; } = [.. TrialRow.Columns.Select(c => c.Name)];

    /// <summary>The convex methods' certificate columns (<see cref="TrialRow.Certificate"/>).</summary>
    public static IReadOnlyList<string> Certificate { get; } = [.. TrialRow.Certificate.Select(c => c.Name)];

    private TrialTable(IReadOnlyList<(string Name, ColumnKind Kind)> columns, IReadOnlyList<object?[]> rows)
    {
        Columns = columns;
        Rows = rows;
    }

    public IReadOnlyList<(string Name, ColumnKind Kind)> Columns { get; }

    /// <summary>Values per column: long? (Integer), double (Real), string? (Text), bool (Flag), bool? (OptionalFlag), ulong (Seed).</summary>
    public IReadOnlyList<object?[]> Rows { get; }

    public static TrialTable Build(SweepDefinition sweep, IEnumerable<TrialRecord> records)
    {
        var cells = sweep.Cells.ToDictionary(c => c.Key);
        var methodOrder = sweep.Methods.Select((m, i) => (m, i)).ToDictionary(x => x.m, x => x.i);
        var sorted = records
            .Select(r => (Record: r, Cell: cells.TryGetValue(r.CellKey, out var c) ? c : throw new ArgumentException($"Trial record of unknown cell '{r.CellKey}'.", nameof(records))))
            .OrderBy(x => x.Cell.Index).ThenBy(x => methodOrder.GetValueOrDefault(x.Record.Method, int.MaxValue)).ThenBy(x => x.Record.Method, StringComparer.Ordinal)
            .ThenBy(x => x.Record.Trial)
            .ToList();
        var parameterExtras = sweep.Cells.SelectMany(c => c.Parameters.Keys)
            .Concat(sweep.Methods.SelectMany(m => sweep.Variant(m)?.Parameters.Keys ?? Enumerable.Empty<string>())).Where(n => ParameterTable.Get(n).Column == TrialColumnPlace.Extra);
        var extras = sorted.SelectMany(x => x.Record.Extras.Select(e => e.Key)).Concat(parameterExtras)
            .Where(n => !Leading.Contains(n) && !Certificate.Contains(n) && n != "reason").Distinct().Order(StringComparer.Ordinal).ToList();

        var certified = sorted.Any(x => x.Record.Certified is not null);
        var columns = TrialRow.Columns.Concat(certified ? TrialRow.Certificate : [])
            .Concat(extras.Select(n => (n, ColumnKind.Real))).Append(("reason", ColumnKind.Text)).ToList();
        var rows = sorted.Select(x => Row(sweep.Problem, x.Cell, sweep.Variant(x.Record.Method), x.Record, certified, extras)).ToList();
        return new TrialTable(columns, rows);
    }

    private static object?[] Row(string problem, CellDefinition cell, MethodVariant? variant, TrialRecord t, bool certified, List<string> extras)
    {
        // The leading parameter columns hold the values the trial ran with, defaults included (k = min(d1, d2), noise 0).
        var parameters = variant?.Apply(cell.Parameters) ?? cell.Parameters;
        var p = ParameterNames.ToTrialParameters(problem, t.Method, parameters, new SuccessCriterion(), t.Seed);
        double Parameter(string name) => parameters.TryGetValue(name, out var v) ? v : double.NaN;

        var extraValues = t.Extras.IsDefault ? ImmutableDictionary<string, double>.Empty : t.Extras.ToImmutableDictionary();
        return
        [
            .. TrialRow.Leading(cell.Index, p, t),
            .. certified ? TrialRow.CertificateValues(t) : [],
            .. extras.Select(e => (object?)(extraValues.TryGetValue(e, out var v) ? v : Parameter(e))),
            t.Reason,
        ];
    }

    /// <summary>Each row's method and its numeric columns by name (NaN for an empty value), as the scatter plots read them.</summary>
    public IReadOnlyList<TrialNumbers> Numbers()
    {
        var index = Columns.Select((c, i) => (c.Name, i)).ToDictionary(x => x.Name, x => x.i);
        var method = index["method"];
        return [.. Rows.Select(row => new TrialNumbers((string)row[method]!, column =>
            index.TryGetValue(column, out var i) ? row[i] switch { double d => d, long l => l, _ => double.NaN } : double.NaN))];
    }

    public string ToCsv()
    {
        var text = new StringBuilder();
        CsvText.AppendRow(text, Columns.Select(c => c.Name));
        foreach (var row in Rows)
            CsvText.AppendRow(text, row.Select(Format));
        return text.ToString();
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        double d => CsvText.Number(d),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Reads trials.csv back: one dictionary per row, column name to field text (empty where the value does not apply).</summary>
    public static List<Dictionary<string, string>> ReadCsv(string path)
    {
        var rows = CsvText.Parse(File.ReadAllText(path));
        if (rows.Count == 0 || !rows[0].Take(Leading.Count).SequenceEqual(Leading))
            throw new FormatException($"{path}: not a trials.csv file (expected the columns {string.Join(", ", Leading)}, ...).");
        var header = rows[0];
        return rows.Skip(1).Select(f => header.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => f[x.i])).ToList();
    }

    /// <summary>Writes the table as one Parquet row group with the same columns (integers as nullable int64, reals as nullable doubles with NaN stored as null).</summary>
    public async Task WriteParquetAsync(Stream stream)
    {
        var fields = Columns.Select(c => (DataField)(c.Kind switch
        {
            ColumnKind.Integer => new DataField<long?>(c.Name),
            ColumnKind.Real => new DataField<double?>(c.Name),
            ColumnKind.Flag => new DataField<bool>(c.Name),
            ColumnKind.OptionalFlag => new DataField<bool?>(c.Name),
            ColumnKind.Seed => new DataField<ulong>(c.Name),
            _ => new DataField<string>(c.Name, true),
        })).ToArray();
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        using var group = writer.CreateRowGroup();
        for (var c = 0; c < fields.Length; c++)
        {
            var column = Rows.Select(r => r[c]);
            switch (Columns[c].Kind)
            {
                case ColumnKind.Integer:
                    await group.WriteAsync<long>(fields[c], column.Cast<long?>().ToArray().AsMemory());
                    break;
                case ColumnKind.Real:
                    await group.WriteAsync<double>(fields[c], column.Select(v => double.IsNaN((double)v!) ? null : (double?)v).ToArray().AsMemory());
                    break;
                case ColumnKind.Flag:
                    await group.WriteAsync<bool>(fields[c], new ReadOnlyMemory<bool>(column.Cast<bool>().ToArray()));
                    break;
                case ColumnKind.OptionalFlag:
                    await group.WriteAsync<bool>(fields[c], column.Cast<bool?>().ToArray().AsMemory());
                    break;
                case ColumnKind.Seed:
                    await group.WriteAsync<ulong>(fields[c], new ReadOnlyMemory<ulong>(column.Cast<ulong>().ToArray()));
                    break;
                default:
                    await group.WriteAsync(fields[c], column.Cast<string?>().ToArray()!);
                    break;
            }
        }
    }
}
