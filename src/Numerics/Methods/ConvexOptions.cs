namespace Sweeps.Numerics.Methods;

/// <summary>Accuracy and effort of a convex solve; the defaults aim at relative error well below 1e-6 on recoverable instances.</summary>
/// <param name="RefuteTruth">End a noiseless run as soon as a feasible point beats the truth (<see cref="Convex.TruthRefutation"/>);
/// false solves every instance to its minimizer.</param>
public sealed record ConvexOptions(int MaxIterations = 20000, double Tolerance = 1e-9, bool RefuteTruth = true);
