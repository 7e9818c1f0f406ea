namespace Sweeps.Numerics.Methods;

/// <summary>
/// What a method returns: the factors it picked, how it ended and after how many iterations, and
/// for convex methods the optimality <see cref="Certificate"/> of the convex solution (null otherwise).
/// </summary>
public sealed record Solution(double[] Theta, TrialStatus Status, int Iterations, string? Reason = null, Certificate? Certificate = null);
