namespace Sweeps.Numerics.Problems;

/// <summary>
/// Metrics of one point theta of a problem: relative error ||X - M||_F / ||M||_F of its model,
/// numerical rank of the model, balance gap ||L^T L - R^T R||_F / (||L||_F^2 + ||R||_F^2)
/// (NaN for symmetric models, where it does not apply), and family-specific extras.
/// </summary>
public sealed record PointMetrics(
    double RelError,
    int Rank,
    double BalanceGap,
    IReadOnlyList<KeyValuePair<string, double>> Extras);
