namespace Sweeps.Numerics.Statistics;

/// <summary>
/// Wilson score interval for a success probability from s successes in n trials:
/// centre (p + z^2/2n) / (1 + z^2/n), half-width z / (1 + z^2/n) * sqrt(p(1-p)/n + z^2/4n^2),
/// p = s/n, z = 1.96 (95%). Unlike p +- z sqrt(p(1-p)/n) it stays inside [0, 1] and is not empty
/// at p = 0 or 1. NaN for n = 0.
/// </summary>
public static class WilsonInterval
{
    public const double Z95 = 1.959963984540054;

    public static (double Low, double High) Of(int successes, int trials, double z = Z95)
    {
        if (trials <= 0)
            return (double.NaN, double.NaN);
        double n = trials, p = successes / n, z2n = z * z / n;
        var centre = (p + z2n / 2) / (1 + z2n);
        var half = z / (1 + z2n) * Math.Sqrt(p * (1 - p) / n + z2n / (4 * n));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
