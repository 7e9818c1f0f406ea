namespace Sweeps.Numerics.Random;

/// <summary>
/// One random stream of a trial: Philox4x32-10 keyed by (trial seed, purpose), read block by
/// block from counter 0. Uniforms take the top 53 bits of a 64-bit word; normals use the
/// Box-Muller transform on pairs of uniforms, so a stream is bit-identical wherever it runs.
/// A mutable struct on purpose: it is a cursor; pass it by ref.
/// </summary>
public struct RandomStream
{
    private readonly ulong _key;
    private ulong _counter;
    private ulong _buffered;
    private bool _hasBuffered;
    private double _spareNormal;
    private bool _hasSpareNormal;

    public RandomStream(ulong key)
    {
        _key = key;
        _counter = 0;
        _buffered = 0;
        _hasBuffered = false;
        _spareNormal = 0;
        _hasSpareNormal = false;
    }

    /// <summary>The next 64 uniformly distributed bits.</summary>
    public ulong NextUInt64()
    {
        if (_hasBuffered)
        {
            _hasBuffered = false;
            return _buffered;
        }
        var (x0, x1, x2, x3) = Philox.Block(_key, _counter++, 0);
        _buffered = ((ulong)x3 << 32) | x2;
        _hasBuffered = true;
        return ((ulong)x1 << 32) | x0;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer on [0, n) by rejection (no modulo bias).</summary>
    public int NextInt(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(n, 0);
        var limit = ulong.MaxValue - (ulong.MaxValue % (ulong)n);
        ulong v;
        do { v = NextUInt64(); } while (v >= limit);
        return (int)(v % (ulong)n);
    }

    /// <summary>Standard normal N(0, 1) by Box-Muller.</summary>
    public double NextNormal()
    {
        if (_hasSpareNormal)
        {
            _hasSpareNormal = false;
            return _spareNormal;
        }
        // u1 in (0, 1] so that log(u1) is finite.
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        var radius = Math.Sqrt(-2.0 * Math.Log(u1));
        var angle = 2.0 * Math.PI * u2;
        _spareNormal = radius * Math.Sin(angle);
        _hasSpareNormal = true;
        return radius * Math.Cos(angle);
    }

    /// <summary>Fills <paramref name="target"/> with i.i.d. N(0, scale^2).</summary>
    public void FillNormal(Span<double> target, double scale = 1.0)
    {
        for (var i = 0; i < target.Length; i++)
            target[i] = scale * NextNormal();
    }

    /// <summary>+1 or -1 with probability 1/2 each (Rademacher).</summary>
    public double NextSign() => (NextUInt64() >> 63) == 0 ? 1.0 : -1.0;
}
