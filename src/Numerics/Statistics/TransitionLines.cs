using System.Collections.Immutable;
using Sweeps.Numerics.Theory;

namespace Sweeps.Numerics.Statistics;

/// <summary>One cell x method's counts as a transition line reads them: the method label and the parameters its trials ran with.</summary>
public readonly record struct LineCell(string Method, ImmutableSortedDictionary<string, double> Parameters, int Trials, int Successes);

/// <summary>One line of the grid along the transition axis (every other coordinate and the method fixed) and its fit.</summary>
public sealed record TransitionRow(string Method, ImmutableSortedDictionary<string, double> Coordinates, string Axis, TransitionFit Fit, double? Theory);

/// <summary>
/// The one grouping of cells into lines and their fits, shared by transitions.csv and the live page: a line is the
/// method and every coordinate but the axis, lines in the order their first cell comes; each is fitted by
/// <see cref="ProbitFit"/> on (axis value, trials, successes) and given its theory value (<see cref="LineThreshold"/>, axis m only).
/// </summary>
public static class TransitionLines
{
    /// <summary>The default transition axis of a grid: m, else p (completion), when it is one of <paramref name="axes"/>; else null.</summary>
    public static string? DefaultAxis(IEnumerable<string> axes)
    {
        var names = axes.ToHashSet(StringComparer.Ordinal);
        return new[] { ParameterNames.M, ParameterNames.P }.FirstOrDefault(names.Contains);
    }

    /// <summary>The key of the line a cell lies on: every coordinate but the axis, canonically formatted (the method is kept apart).</summary>
    public static string LineKey(ImmutableSortedDictionary<string, double> parameters, string axis) => ParameterText.Join(parameters.Remove(axis));

    /// <summary>Fits every line of the cells along <paramref name="axis"/>; no rows when the axis is null.</summary>
    public static List<TransitionRow> Fit(string problem, string? axis, IEnumerable<LineCell> cells)
    {
        if (axis is null)
            return [];
        var rows = new List<TransitionRow>();
        foreach (var line in cells.GroupBy(c => (c.Method, Key: LineKey(c.Parameters, axis))))
        {
            var first = line.First();
            var coordinates = first.Parameters.Remove(axis);
            var fit = ProbitFit.Fit(line.Where(c => c.Parameters.ContainsKey(axis)).Select(c => new BinomialPoint(c.Parameters[axis], c.Trials, c.Successes)));
            var theory = axis == ParameterNames.M ? LineThreshold.For(problem, ParameterText.MethodOf(first.Method), coordinates) : null;
            rows.Add(new TransitionRow(first.Method, coordinates, axis, fit, theory));
        }
        return rows;
    }
}
