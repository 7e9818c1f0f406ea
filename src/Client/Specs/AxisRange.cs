using System.Collections.Immutable;
using System.Globalization;

namespace Sweeps.Client.Specs;

/// <summary>
/// Expands an inclusive range {from, to, step} into values from + i * step, i = 0..n-1 with
/// n = floor((to - from) / step + 1e-9) + 1: the tolerance keeps "to" when rounding puts it a hair
/// past the last step (0.1 to 0.3 by 0.1), and each value is rounded to 12 significant digits so
/// 0.1 + 2 * 0.1 is written as 0.3, not 0.30000000000000004.
/// </summary>
internal static class AxisRange
{
    public const int MaxValues = 10_000;

    public static ImmutableArray<double>? Expand(double from, double to, double step, string field, YamlFields fields)
    {
        if (!(step > 0))
        {
            fields.Add($"{field}.step: {YamlFields.Format(step)} is not allowed; it must be a positive number.");
            return null;
        }
        if (from > to)
        {
            fields.Add($"{field}: from {YamlFields.Format(from)} is greater than to {YamlFields.Format(to)}; from must not exceed to.");
            return null;
        }
        var span = Math.Floor((to - from) / step + 1e-9);
        if (span + 1 > MaxValues)
        {
            fields.Add($"{field}: the range from {YamlFields.Format(from)} to {YamlFields.Format(to)} by {YamlFields.Format(step)} has {span + 1:0} values; at most {MaxValues} are allowed.");
            return null;
        }
        var n = (int)span + 1;
        var values = ImmutableArray.CreateBuilder<double>(n);
        for (var i = 0; i < n; i++)
            values.Add(double.Parse((from + i * step).ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
        return values.MoveToImmutable();
    }
}
