using System.Globalization;
using System.Text;

namespace Sweeps.Client.Output;

/// <summary>
/// CSV as RFC 4180 writes it: comma-separated, a field quoted (quotes doubled) when it holds a
/// comma, quote or line break; numbers in invariant culture, doubles in round-trip form, NaN empty.
/// </summary>
public static class CsvText
{
    public static string Number(double value) => double.IsNaN(value) ? "" : Numerics.Trials.ParameterText.Number(value);

    public static string Field(string? text) =>
        text is null ? "" :
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    public static void AppendRow(StringBuilder text, IEnumerable<string> fields) =>
        text.AppendJoin(',', fields.Select(Field)).Append('\n');

    /// <summary>Splits CSV text into rows of fields, honouring quoted fields with embedded commas, quotes and line breaks.</summary>
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                    field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"')
                    field.Append(text[++i]);
                else
                    quoted = false;
            }
            else if (c == '"')
                quoted = true;
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else if (c != '\r')
                field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add([.. row]);
        }
        return rows;
    }
}
