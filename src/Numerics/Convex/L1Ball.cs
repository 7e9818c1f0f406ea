namespace Sweeps.Numerics.Convex;

/// <summary>
/// Euclidean projection onto the l1 ball B = {Z : ||Z||_1 &lt;= tau} (entrywise l1 norm): Proj(V) = sign(V) (|V| - t)_+
/// with t = 0 when ||V||_1 &lt;= tau, else the t &gt; 0 with sum (|V| - t)_+ = tau (t = max |V| when tau = 0). Then
/// V - Proj(V) = sign(V) min(|V|, t) and dist(V, B)^2 = sum min(|V|, t)^2.
/// </summary>
internal static class L1Ball
{
    /// <summary>
    /// The threshold t: sort u = |V| descending, take the largest j with u_j &gt; (u_1 + ... + u_j - tau) / j, then
    /// t = (u_1 + ... + u_j - tau) / j. <paramref name="scratch"/> (length of v) receives the sorted magnitudes.
    /// </summary>
    public static double Threshold(ReadOnlySpan<double> v, double tau, Span<double> scratch)
    {
        var magnitudes = scratch[..v.Length];
        var total = 0.0;
        for (var i = 0; i < v.Length; i++)
        {
            magnitudes[i] = Math.Abs(v[i]);
            total += magnitudes[i];
        }
        if (total <= tau) return 0;
        magnitudes.Sort();
        magnitudes.Reverse();
        if (tau <= 0) return magnitudes[0];
        double sum = 0, threshold = 0;
        for (var j = 0; j < magnitudes.Length; j++)
        {
            sum += magnitudes[j];
            var candidate = (sum - tau) / (j + 1);
            if (magnitudes[j] > candidate) threshold = candidate;
            else break;
        }
        return threshold;
    }

    /// <summary>v := Proj(v), the projection onto the ball of radius tau.</summary>
    public static void Project(Span<double> v, double tau, Span<double> scratch)
    {
        var t = Threshold(v, tau, scratch);
        if (t == 0) return;
        for (var i = 0; i < v.Length; i++)
            v[i] = Math.Sign(v[i]) * Math.Max(Math.Abs(v[i]) - t, 0);
    }
}
