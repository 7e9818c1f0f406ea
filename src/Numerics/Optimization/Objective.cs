namespace Sweeps.Numerics.Optimization;

/// <summary>
/// A smooth objective F: R^n -> R. Returns F(x) and overwrites <paramref name="gradient"/> (length n)
/// with grad F(x). Must not allocate in a hot loop; may return a non-finite value where F is undefined.
/// </summary>
public delegate double Objective(ReadOnlySpan<double> x, Span<double> gradient);
