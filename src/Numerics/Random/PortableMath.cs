namespace Sweeps.Numerics.Random;

/// <summary>
/// exp and log built only from IEEE-754 +, -, *, / and sqrt, which are correctly rounded everywhere (and
/// RyuJIT never fuses them into FMA), so the result bits are the same on every machine; Math.Exp and
/// Math.Log call the platform's libm, whose last bits differ between operating systems. Relative error
/// below 1e-15 (a few ulp): the truncated series contribute under 1e-17, the rest is rounding.
/// </summary>
internal static class PortableMath
{
    /// <summary>ln 2 = Ln2Hi + Ln2Lo to about 1e-26; Ln2Hi has 32 trailing zero bits, so k * Ln2Hi is exact for |k| &lt; 2^20.</summary>
    private const double Ln2Hi = 6.93147180369123816490e-01, Ln2Lo = 1.90821492927058770002e-10;
    private const double InvLn2 = 1.44269504088896338700e+00;
    private const int ExpTerms = 14, LogTerms = 12;

    /// <summary>1/n! for n = 0..13.</summary>
    private static readonly double[] InverseFactorials = BuildInverseFactorials();

    /// <summary>1/(2n + 1) for n = 0..11.</summary>
    private static readonly double[] InverseOdds = [.. Enumerable.Range(0, LogTerms).Select(n => 1.0 / (2 * n + 1))];

    private static readonly double Sqrt2 = Math.Sqrt(2.0);

    /// <summary>
    /// e^t for |t| &lt;= 700: t = k ln 2 + s with |s| &lt;= ln 2 / 2 (Cody-Waite), e^s by its Taylor series to
    /// s^13 (remainder s^14/14! &lt; 5e-18), times 2^k set in the exponent bits.
    /// </summary>
    public static double Exp(double t)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Math.Abs(t), 700.0, nameof(t));
        var k = Math.Round(t * InvLn2);
        var s = t - k * Ln2Hi - k * Ln2Lo;
        var p = InverseFactorials[ExpTerms - 1];
        for (var n = ExpTerms - 2; n >= 0; n--)
            p = p * s + InverseFactorials[n];
        return p * BitConverter.Int64BitsToDouble((long)(k + 1023) << 52);
    }

    /// <summary>
    /// ln u for normal positive u: u = m 2^e with m in [1/sqrt 2, sqrt 2), ln m = 2 atanh(z) with
    /// z = (m - 1)/(m + 1), |z| &lt;= 0.172, by its series to z^23 (remainder under 1e-18).
    /// </summary>
    public static double Log(double u)
    {
        if (!double.IsNormal(u) || u < 0)
            throw new ArgumentOutOfRangeException(nameof(u), u, "Log needs a positive normal finite number.");
        var bits = BitConverter.DoubleToInt64Bits(u);
        var e = (int)((bits >> 52) & 0x7FF) - 1023;
        var m = BitConverter.Int64BitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFL) | (1023L << 52));
        if (m > Sqrt2)
        {
            m *= 0.5;
            e++;
        }
        var z = (m - 1.0) / (m + 1.0);
        var z2 = z * z;
        var p = InverseOdds[LogTerms - 1];
        for (var n = LogTerms - 2; n >= 0; n--)
            p = p * z2 + InverseOdds[n];
        return e * Ln2Hi + (2.0 * z * p + e * Ln2Lo);
    }

    private static double[] BuildInverseFactorials()
    {
        var c = new double[ExpTerms];
        c[0] = 1.0;
        for (var n = 1; n < ExpTerms; n++)
            c[n] = c[n - 1] / n;
        return c;
    }
}
