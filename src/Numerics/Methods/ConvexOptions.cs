namespace Sweeps.Numerics.Methods;

/// <summary>Accuracy and effort of a convex solve; the defaults aim at relative error well below 1e-6 on recoverable instances.</summary>
public sealed record ConvexOptions(int MaxIterations = 20000, double Tolerance = 1e-9);
