using System.Collections.Immutable;

namespace Sweeps.Grains.Sweeps;

/// <summary>
/// A validated, normalized sweep as the coordinator receives it: the cartesian product of the
/// spec's axes already expanded into cells. The work is Cells x Methods x Trials (a cell may set its own trials).
/// Produced from a spec file by the client (Sweeps.Client's spec loader); the sweep id is a
/// hash of the normalized spec unless the spec names it. <see cref="Methods"/> are labels;
/// <see cref="Variants"/> describes the labels that are not a plain catalog method (a method with
/// its own parameters); definitions stored before variants existed have none (a default array).
/// </summary>
[GenerateSerializer, Immutable, Alias("Sweeps.SweepDefinition")]
public sealed record SweepDefinition(
    [property: Id(0)] string SweepId,
    [property: Id(1)] string Problem,
    [property: Id(2)] ImmutableArray<string> Methods,
    [property: Id(3)] ImmutableArray<CellDefinition> Cells,
    [property: Id(4)] int Trials,
    [property: Id(5)] long Seed,
    [property: Id(6)] double Tolerance,
    [property: Id(7)] double? RelativeToNoise,
    [property: Id(8)] ImmutableArray<MethodVariant> Variants = default,
    [property: Id(9)] PluginRef? ProblemPlugin = null,
    [property: Id(10)] MethodCommand? ProblemCommand = null)
{
    /// <summary>The variant a method label names, or null for a plain catalog method with no parameters of its own.</summary>
    public MethodVariant? Variant(string label) =>
        Variants.IsDefault ? null : Variants.FirstOrDefault(v => v.Label == label);

    /// <summary>The parameters a cell x method's trials ran with, as cells.csv names them: d as d1 and d2, then the method's own values.</summary>
    public ImmutableSortedDictionary<string, double> ParametersOf(CellDefinition cell, string method)
    {
        var expanded = Numerics.Trials.ParameterTable.ExpandShorthand(cell.Parameters);
        return Variant(method)?.Apply(expanded) ?? expanded;
    }

    /// <summary>The trials of one cell (each method runs them): its own count, else the sweep's.</summary>
    public int TrialsOf(CellDefinition cell) => cell.Trials ?? Trials;

    /// <summary>Total trials: methods x the sum of the cells' trials (cells x methods x trials when no cell sets its own).</summary>
    public long TotalTrials => Methods.Length * Cells.Sum(c => (long)TrialsOf(c));
}
