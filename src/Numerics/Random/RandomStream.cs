using System.Runtime.CompilerServices;

namespace Sweeps.Numerics.Random;

/// <summary>
/// One random stream of a trial: Philox4x32-10 keyed by (trial seed, purpose), read block by block
/// from counter 0 as 64-bit words (X1:X0, then X3:X2), through a small buffer filled in bulk by
/// <see cref="Philox.Fill"/>. Uniforms take the top 53 bits of a word; normals use the ziggurat of
/// <see cref="Ziggurat"/>, whose tables and rare exp/log come from <see cref="PortableMath"/>, so a stream
/// is bit-identical wherever it runs. A mutable struct on purpose: it is a cursor; pass it by ref
/// (a copy continues independently from the same position).
/// </summary>
public struct RandomStream
{
    private const int BufferWords = WordBuffer.Length;
    private const ulong SignBit = 1UL << 8;

    private readonly ulong _key;
    private ulong _counter;
    private int _next;
    private WordBuffer _buffer;

    public RandomStream(ulong key)
    {
        _key = key;
        _counter = 0;
        _next = BufferWords;
        _buffer = default;
    }

    /// <summary>The next 64 uniformly distributed bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        if (_next == BufferWords)
            Refill();
        return _buffer[_next++];
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (long)(NextUInt64() >> 11) * Ziggurat.UnitScale;

    /// <summary>Uniform integer on [0, n) by rejection (no modulo bias).</summary>
    public int NextInt(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(n, 0);
        var limit = ulong.MaxValue - (ulong.MaxValue % (ulong)n);
        ulong v;
        do { v = NextUInt64(); } while (v >= limit);
        return (int)(v % (ulong)n);
    }

    /// <summary>Standard normal N(0, 1) by the ziggurat: one word per attempt, exact by rejection.</summary>
    public double NextNormal()
    {
        double z;
        while (!TryNormal(NextUInt64(), out z)) { }
        return z;
    }

    /// <summary>Fills <paramref name="target"/> with i.i.d. N(0, scale^2): the same draws as repeated <see cref="NextNormal"/>.</summary>
    public void FillNormal(Span<double> target, double scale = 1.0)
    {
        for (var i = 0; i < target.Length; i++)
        {
            double z;
            while (!TryNormal(NextUInt64(), out z)) { }
            target[i] = scale * z;
        }
    }

    /// <summary>+1 or -1 with probability 1/2 each (Rademacher).</summary>
    public double NextSign() => (NextUInt64() >> 63) == 0 ? 1.0 : -1.0;

    private void Refill()
    {
        Philox.Fill(_key, _counter, _buffer);
        _counter += BufferWords / 2;
        _next = 0;
    }

    /// <summary>
    /// One ziggurat attempt from <paramref name="word"/>: layer i = bits 0-7, sign = bit 8, j = bits 11-63,
    /// x = j Scale[i] uniform over layer i's width. Inside the sure part (j &lt; Threshold[i], about 99% of
    /// words) x is accepted at once; otherwise the wedge or the tail decides, drawing further words.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryNormal(ulong word, out double z)
    {
        var layer = (int)(word & (Ziggurat.LayerCount - 1));
        var j = word >> 11;
        if (j < Ziggurat.Threshold[layer])
        {
            z = WithSign((long)j * Ziggurat.Scale[layer], word);
            return true;
        }
        return TryEdge(layer, j, word, out z);
    }

    /// <summary>
    /// Layer 0 past R: a tail draw by Marsaglia (1964): a = -ln(u1)/R, b = -ln(u2) until 2b &gt; a^2, then R + a.
    /// Layer i &gt;= 1 past x_i: accept x when y = f(x_(i-1)) + u (f(x_i) - f(x_(i-1))) &lt; f(x), else reject.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryEdge(int layer, ulong j, ulong word, out double z)
    {
        if (layer == 0)
        {
            var r = Ziggurat.TailStart;
            double a, b;
            do
            {
                a = -PortableMath.Log(NextOpenUniform()) / r;
                b = -PortableMath.Log(NextOpenUniform());
            } while (b + b <= a * a);
            z = WithSign(r + a, word);
            return true;
        }
        var x = (long)j * Ziggurat.Scale[layer];
        var below = Ziggurat.F[layer - 1];
        var y = below + NextDouble() * (Ziggurat.F[layer] - below);
        z = WithSign(x, word);
        return y < Ziggurat.Density(x);
    }

    /// <summary>Uniform on (0, 1] with 53 random bits, so that its log is finite.</summary>
    private double NextOpenUniform() => (long)((NextUInt64() >> 11) + 1) * Ziggurat.UnitScale;

    /// <summary>x with bit 8 of <paramref name="word"/> as its sign bit.</summary>
    private static double WithSign(double x, ulong word) =>
        BitConverter.UInt64BitsToDouble(BitConverter.DoubleToUInt64Bits(x) ^ ((word & SignBit) << 55));

    /// <summary>The stream's word buffer, inline so that copying the stream copies its position exactly.</summary>
    [InlineArray(Length)]
    private struct WordBuffer
    {
        public const int Length = 32;
        private ulong _element;
    }
}
