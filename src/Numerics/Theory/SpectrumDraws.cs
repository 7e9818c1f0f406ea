namespace Sweeps.Numerics.Theory;

/// <summary>
/// The spectra of N independent draws of one random matrix G22 (the complement block of a Gaussian
/// matrix in the truth's basis), each with a standard normal z that gives the trace t = sqrt(r) z of its
/// r x r block G11 (t ~ N(0, r) in both ensembles, independent of G22). They give two estimates of the statistical dimension's spectral part:
/// <list type="bullet">
/// <item>exact (ALMT 2014, Prop. 4.1): delta = E dist^2(G, cone of the subdifferential)
/// = const + E min_{tau &gt;= 0} phi_G(tau), with phi_G(tau) = r tau^2 - 2 tau t + sum_i (v_i - tau)_+^2
/// minimized per draw;</item>
/// <item>the upper bound of SCIENCE.md 5: const + min_{tau &gt;= 0} E phi_G(tau) (E t = 0), above delta by at most
/// 2 sup ||s|| / f(X / ||X||_F) (ALMT Thm. 4.3), which is largest at rank 1.</item>
/// </list>
/// </summary>
internal sealed class SpectrumDraws
{
    private readonly double[][] _descending;
    private readonly double[] _traceNormals;

    /// <param name="draws">The values of each draw (any order; sorted here, decreasing).</param>
    /// <param name="traceNormals">A standard normal per draw, independent of its values: tr G11 / sqrt(r).</param>
    public SpectrumDraws(double[][] draws, double[] traceNormals)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(draws.Length, 1);
        if (traceNormals.Length != draws.Length)
            throw new ArgumentException($"traceNormals: {traceNormals.Length} values for {draws.Length} draws.", nameof(traceNormals));
        foreach (var values in draws)
        {
            Array.Sort(values);
            Array.Reverse(values);
        }
        _descending = draws;
        _traceNormals = traceNormals;
        Pooled = new PooledSpectrum(draws.SelectMany(v => v).ToArray(), draws.Length);
    }

    /// <summary>All draws' values pooled: the expectation E sum_i f(v_i) for the bound.</summary>
    public PooledSpectrum Pooled { get; }

    public int Samples => _descending.Length;

    /// <summary>
    /// E min_{tau &gt;= 0} phi(tau), the exact cone distance's spectral part for rank r, as
    /// (1/N) sum_j [min phi_j + 2 tau0 t_j]: the control variate 2 tau0 t_j has mean zero (t ~ N(0, r)) and, with
    /// tau0 the bound's minimizer, cancels most of the spread the trace term -2 tau t_j adds to each draw.
    /// </summary>
    public double ExpectedMinimum(int r)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(r, 1);
        var tau0 = Pooled.Minimize(r).Tau;
        var sum = 0.0;
        var scale = Math.Sqrt(r);
        for (var j = 0; j < _descending.Length; j++)
        {
            var trace = scale * _traceNormals[j];
            sum += Minimize(_descending[j], r, trace).Value + 2 * tau0 * trace;
        }
        return sum / _descending.Length;
    }

    /// <summary>
    /// Exact minimizer over tau &gt;= 0 of phi(tau) = r tau^2 - 2 tau t + sum_i (v_i - tau)_+^2 (v decreasing).
    /// Where exactly the k largest values exceed tau, phi'(tau) = 0 gives tau_k = (t + S_k) / (r + k),
    /// S_k = v_1 + ... + v_k; phi' is increasing, so the first k with tau_k &gt;= v_{k+1} is the minimizer over
    /// the reals, and by convexity the minimizer over tau &gt;= 0 is its positive part.
    /// </summary>
    internal static (double Tau, double Value) Minimize(double[] descending, double r, double trace)
    {
        var prefix = 0.0;
        var tau = 0.0;
        for (var k = 0; k <= descending.Length; k++)
        {
            tau = (trace + prefix) / (r + k);
            var below = k < descending.Length ? descending[k] : double.NegativeInfinity;
            if (tau >= below) break;
            prefix += descending[k];
        }
        tau = Math.Max(tau, 0);
        var value = r * tau * tau - 2 * tau * trace;
        foreach (var v in descending)
        {
            if (v <= tau) break;
            value += (v - tau) * (v - tau);
        }
        return (tau, value);
    }
}
