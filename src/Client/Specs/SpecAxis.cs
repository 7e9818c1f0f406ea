using System.Collections.Immutable;

namespace Sweeps.Client.Specs;

/// <summary>One axis of the grid: a parameter name and its values, in the spec's order (ranges expanded).</summary>
public sealed record SpecAxis(string Name, ImmutableArray<double> Values);
