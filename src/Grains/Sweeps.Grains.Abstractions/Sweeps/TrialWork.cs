using System.Collections.Immutable;

namespace Sweeps.Grains.Sweeps;

/// <summary>
/// What a trial grain needs besides its trial index (sent with it): the problem,
/// method, cell (key and parameters), the sweep seed and the success criterion.
/// The trial seed is TrialSeed.Derive(SweepSeed, Parameters, trial index). <see cref="Method"/> is the
/// method label; <see cref="Variant"/>, when set, names the catalog method and the parameters of that
/// label (applied over <see cref="Parameters"/>, not part of the seed).
/// </summary>
[GenerateSerializer, Immutable, Alias("Sweeps.TrialWork")]
public sealed record TrialWork(
    [property: Id(0)] string Problem,
    [property: Id(1)] string Method,
    [property: Id(2)] string CellKey,
    [property: Id(3)] ImmutableSortedDictionary<string, double> Parameters,
    [property: Id(4)] long SweepSeed,
    [property: Id(5)] double Tolerance,
    [property: Id(6)] double? RelativeToNoise,
    [property: Id(7)] MethodVariant? Variant = null,
    [property: Id(8)] PluginRef? ProblemPlugin = null,
    [property: Id(9)] MethodCommand? ProblemCommand = null)
{
    /// <summary>The catalog method that runs.</summary>
    public string MethodName => Variant?.Method ?? Method;

    /// <summary>The plugins the trial's problem and method come from (none for built-ins).</summary>
    public IEnumerable<PluginRef> Plugins => new[] { ProblemPlugin, Variant?.Plugin }.OfType<PluginRef>();

    /// <summary>The values the trial runs with: the cell's, overlaid with the variant's own.</summary>
    public ImmutableSortedDictionary<string, double> RunParameters => Variant?.Apply(Parameters) ?? Parameters;
}
