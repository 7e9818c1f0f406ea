namespace Sweeps.Numerics.Random;

/// <summary>
/// Tables of the Marsaglia-Tsang (2000) ziggurat for the half-normal density f(x) = exp(-x^2/2), x &gt;= 0,
/// cut into 256 layers of equal area V. With R = x_0 &gt; x_1 &gt; ... &gt; x_255 = 0: layer 0 is the base
/// strip [0, R] x [0, f(R)] plus the tail {x &gt; R, y &lt; f(x)}, layer i &gt;= 1 is [0, x_(i-1)] x [f(x_(i-1)), f(x_i)]:
/// V = R f(R) + int_R^inf f = x_(i-1) (f(x_i) - f(x_(i-1))). R solves the top layer's equation by bisection.
/// Every exp and log goes through <see cref="PortableMath"/>, so the tables are the same bits everywhere.
/// </summary>
internal static class Ziggurat
{
    public const int LayerCount = 256;

    /// <summary>Continued-fraction depth of the Mills ratio at x near 3.65 (converged to rounding well before).</summary>
    private const int MillsTerms = 400;

    /// <summary>2^-53: a 53-bit integer j maps to the uniform j 2^-53 in [0, 1).</summary>
    public const double UnitScale = 1.0 / (1UL << 53);

    /// <summary>R = x_0, where the tail starts.</summary>
    public static double TailStart { get; }

    /// <summary>V, the area of every layer.</summary>
    public static double LayerArea { get; }

    /// <summary>x_i, the right edge of the part of layer i surely under the curve (x_255 = 0), and f(x_i).</summary>
    internal static readonly double[] X, F;

    /// <summary>x = j Scale[i] is uniform on [0, w_i) with w_0 = V / f(R) (the base strip stretched to area V), w_i = x_(i-1).</summary>
    internal static readonly double[] Scale;

    /// <summary>j &lt; Threshold[i] means x = j Scale[i] &lt; x_i (up to one rounding): accept without evaluating f.</summary>
    internal static readonly ulong[] Threshold;

#pragma warning disable CA1810 // The four tables come out of one recursion; a static constructor builds them together.
    static Ziggurat()
#pragma warning restore CA1810
    {
        double lo = 2.0, hi = 5.0;
        while (true)
        {
            var mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi)
                break;
            if (TopLayerExcess(mid) < 0)
                lo = mid;
            else
                hi = mid;
        }
        TailStart = hi;
        LayerArea = BaseStripArea(hi);
        X = new double[LayerCount];
        F = new double[LayerCount];
        Scale = new double[LayerCount];
        Threshold = new ulong[LayerCount];
        X[0] = hi;
        F[0] = Density(hi);
        for (var i = 1; i < LayerCount - 1; i++)
            (X[i], F[i]) = NextEdge(X[i - 1], F[i - 1], LayerArea);
        X[LayerCount - 1] = 0;
        F[LayerCount - 1] = 1;
        for (var i = 0; i < LayerCount; i++)
        {
            var width = i == 0 ? LayerArea / F[0] : X[i - 1];
            Scale[i] = width * UnitScale;
            Threshold[i] = (ulong)(X[i] / width * (1UL << 53));
        }
    }

    /// <summary>f(x) = exp(-x^2/2).</summary>
    public static double Density(double x) => PortableMath.Exp(-0.5 * x * x);

    /// <summary>int_x^inf exp(-t^2/2) dt = f(x) / (x + 1/(x + 2/(x + 3/(x + ...)))) (Laplace's continued fraction), x &gt; 0.</summary>
    public static double TailArea(double x)
    {
        var t = 0.0;
        for (var k = MillsTerms; k >= 1; k--)
            t = k / (x + t);
        return Density(x) / (x + t);
    }

    /// <summary>V(R) = R f(R) + int_R^inf f.</summary>
    private static double BaseStripArea(double r) => r * Density(r) + TailArea(r);

    /// <summary>From x_(i-1): f(x_i) = f(x_(i-1)) + V / x_(i-1), x_i = sqrt(-2 ln f(x_i)).</summary>
    private static (double X, double F) NextEdge(double previousX, double previousF, double area)
    {
        var f = previousF + area / previousX;
        return (Math.Sqrt(-2.0 * PortableMath.Log(f)), f);
    }

    /// <summary>
    /// Area of the top layer [0, x_254] x [f(x_254), 1] minus V, for the recursion started at x_0 = r;
    /// -1 when the layers reach the peak before the top (r too small). Increasing in r.
    /// </summary>
    private static double TopLayerExcess(double r)
    {
        var area = BaseStripArea(r);
        double x = r, f = Density(r);
        for (var i = 1; i < LayerCount - 1; i++)
        {
            if (f + area / x >= 1.0)
                return -1.0;
            (x, f) = NextEdge(x, f, area);
        }
        return x * (1.0 - f) - area;
    }
}
