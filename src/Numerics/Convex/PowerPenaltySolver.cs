namespace Sweeps.Numerics.Convex;

/// <summary>
/// minimize sum_i w_i |x_i|^q  s.t.  A x = b  (1 &lt;= q &lt; 2, w_i &gt; 0) by <see cref="AffineAdmm"/>, the
/// program of the Hadamard model's flat minimizers (docs/SCIENCE.md 2.7; q = 1 is weighted l1). The prox
/// is separable: for q = 1 soft-thresholding by t w_i; for 1 &lt; q &lt; 2 the root s in [0, |v|] of
/// s - |v| + t w_i q s^{q-1} = 0 (<see cref="PowerShrink"/>), with the sign of v.
/// </summary>
public static class PowerPenaltySolver
{
    /// <summary>Returns the last iterate Z in <paramref name="x"/> (length n) and how the run ended.</summary>
    public static (double[] X, TrialStatus Status, int Iterations, string? Reason) Solve(
        IAffineConstraint constraint, double[] weights, double q, ConvexOptions options, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(constraint);
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Length != constraint.Length)
            throw new ArgumentException($"weights: length {weights.Length} differs from n = {constraint.Length}.", nameof(weights));
        if (!(q >= 1 && q < 2))
            throw new ArgumentOutOfRangeException(nameof(q), q, "q must be in [1, 2).");

        void Shrink(ReadOnlySpan<double> v, double threshold, Span<double> z)
        {
            for (var i = 0; i < v.Length; i++)
            {
                var magnitude = PowerShrink(Math.Abs(v[i]), threshold * weights[i], q);
                z[i] = v[i] < 0 ? -magnitude : magnitude;
            }
        }

        var x = new double[constraint.Length];
        var outcome = AffineAdmm.Run(constraint, Shrink, constraint.Length, x, options, cancellation);
        return (x, outcome.Status, outcome.Iterations, outcome.Reason);
    }

    /// <summary>
    /// argmin_{s &gt;= 0} (1/2)(s - a)^2 + c s^q for a, c &gt;= 0: for q = 1, max(a - c, 0); for 1 &lt; q &lt; 2 the
    /// root of phi(s) = s - a + c q s^{q-1} (increasing, phi(0) = -a &lt;= 0 &lt;= phi(a)), by Newton steps
    /// kept inside a shrinking bracket (bisection when a step leaves it), to full double precision
    /// (phi is concave, so Newton converges monotonically once left of the root).
    /// </summary>
    internal static double PowerShrink(double a, double c, double q)
    {
        if (q == 1) return Math.Max(a - c, 0);
        if (a == 0 || c == 0) return a;
        double low = 0, high = a, s = a;
        for (var iteration = 0; iteration < 200; iteration++)
        {
            var power = Math.Pow(s, q - 1);
            var phi = s - a + c * q * power;
            if (phi > 0) high = s; else low = s;
            if (phi == 0 || high - low <= 1e-16 * a) break;
            var next = s - phi / (1 + c * q * (q - 1) * power / s);
            next = next > low && next < high ? next : 0.5 * (low + high);
            if (Math.Abs(next - s) <= 1e-16 * a) return next;
            s = next;
        }
        return s;
    }
}
