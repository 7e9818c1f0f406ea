namespace Sweeps.Numerics.Theory;

/// <summary>
/// The singular values (or eigenvalues) of N independent draws of one random matrix, pooled and
/// sorted in decreasing order: v_1 &gt;= ... &gt;= v_K. It stands for the expectation
/// E sum_i f(s_i) ~ (1/N) sum_j f(v_j).
/// </summary>
internal sealed class PooledSpectrum
{
    private readonly double[] _descending;

    public PooledSpectrum(double[] values, int samples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        _descending = values;
        Array.Sort(_descending);
        Array.Reverse(_descending);
        Samples = samples;
    }

    /// <summary>Number of matrices N behind the pooled values.</summary>
    public int Samples { get; }

    /// <summary>Monte Carlo estimate of E sum_i (s_i - tau)_+^2.</summary>
    public double ExpectedExcessSquare(double tau)
    {
        var sum = 0.0;
        foreach (var v in _descending)
        {
            if (v <= tau) break;
            sum += (v - tau) * (v - tau);
        }
        return sum / Samples;
    }

    /// <summary>
    /// Exact minimizer over tau &gt;= 0 of phi(tau) = weight tau^2 + (1/N) sum_j (v_j - tau)_+^2 (weight &gt; 0).
    /// phi is convex and piecewise quadratic: where exactly the k largest values exceed tau,
    /// phi'(tau) = 0 gives tau_k = S_k / (N weight + k) with S_k = v_1 + ... + v_k, which is the
    /// minimizer if v_{k+1} &lt;= tau_k &lt;= v_k; the first k with tau_k &gt;= v_{k+1} is it
    /// (phi' is increasing). phi'(0) = -(2/N) sum_j (v_j)_+ &lt;= 0, so the minimizer is &gt;= 0.
    /// </summary>
    public (double Tau, double Value) Minimize(double weight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weight);
        var scaledWeight = Samples * weight;
        var prefix = 0.0;
        var tau = 0.0;
        for (var k = 0; k <= _descending.Length; k++)
        {
            tau = prefix / (scaledWeight + k);
            var below = k < _descending.Length ? _descending[k] : double.NegativeInfinity;
            if (tau >= below) break;
            prefix += _descending[k];
        }
        return (tau, weight * tau * tau + ExpectedExcessSquare(tau));
    }
}
