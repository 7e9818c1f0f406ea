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
    /// Exact minimizer over tau &gt;= 0 of phi(tau) = weight tau^2 + (1/N) sum_j (v_j - tau)_+^2 (weight &gt; 0): N phi is
    /// <see cref="SpectrumDraws.Minimize"/>'s objective with r = N weight and no trace term, so it shares that closed form.
    /// </summary>
    public (double Tau, double Value) Minimize(double weight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weight);
        var (tau, value) = SpectrumDraws.Minimize(_descending, Samples * weight, 0);
        return (tau, value / Samples);
    }
}
