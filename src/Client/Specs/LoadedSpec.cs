using System.Collections.Immutable;
using Sweeps.Grains.Sweeps;

namespace Sweeps.Client.Specs;

/// <summary>
/// A validated spec: the sweep to run, its normalized text (written to spec.yaml; loading it
/// again gives the same text), the fixed parameters and axes it was built from, and the plots
/// to draw (the defaults when the spec names none).
/// </summary>
public sealed record LoadedSpec(
    SweepDefinition Definition,
    string NormalizedText,
    ImmutableSortedDictionary<string, double> Fixed,
    ImmutableArray<SpecAxis> Axes,
    ImmutableArray<PlotRequest> Plots)
{
    public string SweepId => Definition.SweepId;
}
