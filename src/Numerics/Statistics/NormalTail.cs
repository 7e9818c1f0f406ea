using MathNet.Numerics;

namespace Sweeps.Numerics.Statistics;

/// <summary>
/// The standard normal CDF Phi, its log and the Mills ratio phi / Phi, accurate far into the lower tail: direct
/// (erfc) down to -30, below that the asymptotic series Phi(x) = phi(x) / |x| (1 - 1/x^2 + 3/x^4 - ...), so a
/// likelihood stays finite and smooth when a fit probes steep slopes.
/// </summary>
internal static class NormalTail
{
    private const double TailStart = -30;
    private static readonly double LogSqrtTwoPi = 0.5 * Math.Log(2 * Math.PI);

    public static double Cdf(double x) => 0.5 * SpecialFunctions.Erfc(-x / Math.Sqrt(2));

    public static double LogCdf(double x) =>
        x >= TailStart ? Math.Log(Cdf(x)) : -0.5 * x * x - LogSqrtTwoPi - Math.Log(-x) + Math.Log(Series(x));

    /// <summary>phi(x) / Phi(x): about -x in the lower tail, tending to 0 in the upper.</summary>
    public static double MillsRatio(double x) =>
        x >= TailStart ? Math.Exp(-0.5 * x * x - LogSqrtTwoPi) / Cdf(x) : -x / Series(x);

    private static double Series(double x)
    {
        var inverse = 1 / (x * x);
        return 1 - inverse + 3 * inverse * inverse;
    }
}
