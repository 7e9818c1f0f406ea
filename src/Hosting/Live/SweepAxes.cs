using System.Collections.Immutable;
using Sweeps.Grains.Sweeps;

namespace Sweeps.Hosting.Live;

/// <summary>One grid axis of a sweep: a parameter that takes more than one value over its cells.</summary>
public sealed record SweepAxis(string Name, ImmutableArray<double> Values);

/// <summary>
/// A sweep's grid axes, read back from its cells (the definition keeps cells, not axes), ordered
/// fastest-varying first in cell order: cells are the cartesian product with the spec's first axis
/// slowest, so the fastest axis is the spec's last one (the x of a phase diagram, usually m).
/// </summary>
public static class SweepAxes
{
    public static ImmutableArray<SweepAxis> Of(SweepDefinition sweep)
    {
        var cells = sweep.Cells.OrderBy(c => c.Index).ToList();
        var names = cells.SelectMany(c => c.Parameters.Keys).Distinct()
            .Where(n => cells.Select(c => c.Parameters.GetValueOrDefault(n, double.NaN)).Distinct().Count() > 1);
        int Changes(string name) => cells.Zip(cells.Skip(1)).Count(p =>
            !p.First.Parameters.GetValueOrDefault(name, double.NaN).Equals(p.Second.Parameters.GetValueOrDefault(name, double.NaN)));
        return [.. names.OrderByDescending(Changes).ThenBy(n => n, StringComparer.Ordinal)
            .Select(n => new SweepAxis(n, [.. cells.Select(c => c.Parameters.GetValueOrDefault(n, double.NaN)).Where(double.IsFinite).Distinct().Order()]))];
    }

    /// <summary>The parameters every cell shares (the spec's fixed values).</summary>
    public static ImmutableSortedDictionary<string, double> Fixed(SweepDefinition sweep, IEnumerable<SweepAxis> axes)
    {
        var varying = axes.Select(a => a.Name).ToHashSet();
        return sweep.Cells.Length == 0 ? ImmutableSortedDictionary<string, double>.Empty
            : sweep.Cells[0].Parameters.Where(p => !varying.Contains(p.Key)).ToImmutableSortedDictionary(StringComparer.Ordinal);
    }
}
