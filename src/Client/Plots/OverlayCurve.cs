namespace Sweeps.Client.Plots;

/// <summary>A curve drawn over a phase diagram in the axes' real units (e.g. the statistical-dimension m(d) curve), with its legend label.</summary>
public sealed record OverlayCurve(string Label, IReadOnlyList<(double X, double Y)> Points);
