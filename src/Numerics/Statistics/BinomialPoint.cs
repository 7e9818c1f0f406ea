namespace Sweeps.Numerics.Statistics;

/// <summary>The outcomes at one axis value: <see cref="Successes"/> of <see cref="Trials"/> succeeded.</summary>
public readonly record struct BinomialPoint(double X, int Trials, int Successes);
