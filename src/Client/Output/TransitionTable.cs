using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Sweeps.Grains.Sweeps;
using Sweeps.Numerics.Statistics;
using Sweeps.Numerics.Theory;

namespace Sweeps.Client.Output;

/// <summary>
/// transitions.csv: one row per line of the grid along the transition axis (spec <c>transition.axis</c>, default m,
/// else p), lines in the order their first cell appears in cells.csv. Columns: the line's coordinates (cells.csv's
/// parameter columns without the axis), <c>method</c>, then <see cref="Statistics"/>: the axis, the probit fit's
/// 50% point m50 with its 95% profile-likelihood interval, the 10%-90% width, the trials and successes of the line,
/// the theory value (<see cref="LineThreshold"/>, axis m only) and the fit status (<see cref="ProbitFit"/>).
/// The columns keep the names m50, m50_low, m50_high whatever the axis.
/// </summary>
public static class TransitionTable
{
    public const string File = "transitions.csv";

    public static IReadOnlyList<string> Statistics { get; } =
        ["axis", "m50", "m50_low", "m50_high", "width", "trials", "successes", "theory", "fit"];

    /// <summary>Fits every line of the cells along <paramref name="axis"/> (<see cref="TransitionLines"/>); no rows when the axis is null.</summary>
    public static List<TransitionRow> Fit(string problem, string? axis, IEnumerable<CellSummary> cells) =>
        TransitionLines.Fit(problem, axis, cells.Select(c => new LineCell(c.Method, c.Parameters, c.Trials, c.Successes)));

    /// <summary>The coordinate columns: the sweep's parameter columns (cells.csv) without the axis.</summary>
    public static IReadOnlyList<string> CoordinateColumns(SweepDefinition sweep, string? axis) =>
        [.. CellTable.ParameterColumns(sweep).Where(c => c != axis)];

    public static IReadOnlyList<string> Header(IReadOnlyList<string> coordinates) => [.. coordinates, "method", .. Statistics];

    /// <summary>The fields of a row in <see cref="Header"/> order; NaN and absent values empty.</summary>
    public static IReadOnlyList<string> Fields(IReadOnlyList<string> coordinates, TransitionRow row) =>
    [
        .. coordinates.Select(c => CsvText.Number(row.Coordinates.GetValueOrDefault(c, double.NaN))),
        row.Method, row.Axis,
        .. new[] { row.Fit.X50, row.Fit.Low, row.Fit.High, row.Fit.Width }.Select(CsvText.Number),
        row.Fit.Trials.ToString(CultureInfo.InvariantCulture), row.Fit.Successes.ToString(CultureInfo.InvariantCulture),
        CsvText.Number(row.Theory ?? double.NaN), row.Fit.Status,
    ];

    public static string ToCsv(IReadOnlyList<string> coordinates, IEnumerable<TransitionRow> rows)
    {
        var text = new StringBuilder();
        CsvText.AppendRow(text, Header(coordinates));
        foreach (var row in rows)
            CsvText.AppendRow(text, Fields(coordinates, row));
        return text.ToString();
    }

    /// <summary>The properties <c>"axis"</c> (null when there is none) and <c>"lines"</c> (one object per row) of the current JSON object.</summary>
    public static void WriteJson(Utf8JsonWriter json, string? axis, IEnumerable<TransitionRow> rows)
    {
        if (axis is null)
            json.WriteNull("axis");
        else
            json.WriteString("axis", axis);
        json.WriteStartArray("lines");
        foreach (var row in rows)
            WriteJson(json, row);
        json.WriteEndArray();
    }

    /// <summary>One row as a JSON object: method, the coordinates as an object, then the statistics (null for NaN or absent).</summary>
    public static void WriteJson(Utf8JsonWriter json, TransitionRow row)
    {
        json.WriteStartObject();
        WriteLine(json, row.Method, row.Coordinates);
        json.WriteString("axis", row.Axis);
        SummaryJson.Number(json, "m50", row.Fit.X50);
        SummaryJson.Number(json, "m50_low", row.Fit.Low);
        SummaryJson.Number(json, "m50_high", row.Fit.High);
        SummaryJson.Number(json, "width", row.Fit.Width);
        json.WriteNumber("trials", row.Fit.Trials);
        json.WriteNumber("successes", row.Fit.Successes);
        SummaryJson.Number(json, "theory", row.Theory ?? double.NaN);
        json.WriteString("fit", row.Fit.Status);
        json.WriteEndObject();
    }

    /// <summary>A line's identity in JSON: <c>"method"</c> and <c>"coordinates"</c> (an object of the coordinates by name).</summary>
    public static void WriteLine(Utf8JsonWriter json, string method, ImmutableSortedDictionary<string, double> coordinates)
    {
        json.WriteString("method", method);
        json.WriteStartObject("coordinates");
        foreach (var (name, value) in coordinates)
            json.WriteNumber(name, value);
        json.WriteEndObject();
    }
}
