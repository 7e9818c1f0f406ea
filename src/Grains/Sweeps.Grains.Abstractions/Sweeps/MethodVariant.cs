using System.Collections.Immutable;

namespace Sweeps.Grains.Sweeps;

/// <summary>
/// An entry of a sweep's method dimension that carries its own method parameters (a spec's
/// <c>methods: [{ name: sam, rho: [0.01, 0.05] }]</c>). <see cref="Label"/> is how the entry appears in
/// <see cref="SweepDefinition.Methods"/>, grain keys, trial records and the outputs' <c>method</c> column
/// (the method name, plus the values of its listed parameters when a list makes several entries,
/// "sam[rho=0.05]"); <see cref="Method"/> is the catalog name that runs; <see cref="Parameters"/>, by spec
/// name, override the cell's values of the same name for this entry only. They are not cell coordinates,
/// so every entry of a cell sees the same instances (trial seeds come from the cell alone). <see cref="Command"/>,
/// when set, makes the entry an external method (docs/EXTERNAL.md): <see cref="Method"/> is then its spec name, not a catalog method.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sweeps.MethodVariant")]
public sealed record MethodVariant(
    [property: Id(0)] string Label,
    [property: Id(1)] string Method,
    [property: Id(2)] ImmutableSortedDictionary<string, double> Parameters,
    [property: Id(3)] MethodCommand? Command = null,
    [property: Id(4)] PluginRef? Plugin = null)
{
    /// <summary>The values a trial of this entry runs with: the cell's parameters overlaid with this entry's.</summary>
    public ImmutableSortedDictionary<string, double> Apply(ImmutableSortedDictionary<string, double> cell) => cell.SetItems(Parameters);
}
