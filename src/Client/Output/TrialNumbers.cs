namespace Sweeps.Client.Output;

/// <summary>One trial's method and its numeric trials.csv columns by name (NaN when empty or absent), whatever the rows came from.</summary>
public sealed record TrialNumbers(string Method, Func<string, double> Value);
