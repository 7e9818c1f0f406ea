namespace Sweeps.Numerics.Theory;

/// <summary>One point of a theory curve: axis value <paramref name="X"/> and threshold number of measurements <paramref name="M"/>.</summary>
public readonly record struct ThresholdPoint(double X, double M);
