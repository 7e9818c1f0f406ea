using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Sweeps.Numerics.LinearAlgebra;

/// <summary>
/// The upper triangle of C += B^T B = sum_q b_q b_q^T for B (n x w, row-major, rows b_q), the
/// symmetric rank-n update behind second moments such as D2 = (1/m) sum_i A_i^2 (stack the A_i).
/// Register-blocked: a 4 x 8 block of C stays in eight Vector256 accumulators while q runs, so each
/// b_q costs two vector loads and four broadcasts for 32 multiply-adds. Every entry is still the
/// plain sequential sum c_jl + b_0j b_0l + b_1j b_1l + ... in q order with separate multiply and add
/// (no FMA), so the bits do not depend on the machine. Allocation-free.
/// </summary>
internal static class SymmetricRankUpdate
{
    /// <summary>The width w of B and C must be a multiple of this (pad B with zero columns).</summary>
    public const int Width = 8;

    private const int Rows = 4;

    /// <summary>n rounded up to a multiple of <see cref="Width"/>: the padded width of B and C.</summary>
    public static int Padded(int n) => (n + Width - 1) / Width * Width;

    /// <summary>
    /// C (w x w, row-major) += B^T B on every 4 x 8 block that meets the upper triangle j &lt;= l
    /// (so all of it, and a little below the diagonal) and whose rows are not all before
    /// <paramref name="start"/>: the columns of B before <paramref name="start"/> must be zero (left
    /// padding), so those rows of C gain nothing. Other blocks of C are left alone.
    /// </summary>
    public static void AddUpper(ReadOnlySpan<double> b, int w, int start, Span<double> c)
    {
        if (w % Width != 0 || b.Length % w != 0 || c.Length != w * w || start < 0 || start > w)
            throw new ArgumentException($"AddUpper: need w a multiple of {Width}, B of n x w, C of w x w and 0 <= start <= w; got w = {w}, {b.Length}, {c.Length} and start = {start}.");
        var n = b.Length / w;
        ref var br = ref MemoryMarshal.GetReference(b);
        ref var cr = ref MemoryMarshal.GetReference(c);
        var first = start / Rows * Rows;
        for (var l = 0; l < w; l += Width)
            for (var j = first; j < l + Width; j += Rows)
                AddBlock(ref br, n, w, j, l, ref cr);
    }

    /// <summary>C[j..j+3, l..l+7] += sum_q B[q, j..j+3]^T B[q, l..l+7].</summary>
    private static void AddBlock(ref double b, int n, int w, int j, int l, ref double c) =>
        AddBlock(ref Unsafe.Add(ref c, j * w + l), w, ref Unsafe.Add(ref b, j), ref Unsafe.Add(ref b, l), ref Unsafe.Add(ref b, l + 4), w, n);

    /// <summary>
    /// The 4 x 8 block kernel: C[0..3, 0..7] (rows <paramref name="cStride"/> apart) += sum_q x_q^T [lo_q, hi_q], where x_q
    /// (4 values), lo_q and hi_q (4 each) start at <paramref name="x"/>, <paramref name="lo"/>, <paramref name="hi"/> plus
    /// q * <paramref name="stride"/>: B's rows here, packed panels in <see cref="PanelGram"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void AddBlock(ref double c0, int cStride, ref double x, ref double lo, ref double hi, int stride, int n)
    {
        ref var c1 = ref Unsafe.Add(ref c0, cStride);
        ref var c2 = ref Unsafe.Add(ref c1, cStride);
        ref var c3 = ref Unsafe.Add(ref c2, cStride);
        var c0a = Vector256.LoadUnsafe(ref c0);
        var c0b = Vector256.LoadUnsafe(ref c0, 4);
        var c1a = Vector256.LoadUnsafe(ref c1);
        var c1b = Vector256.LoadUnsafe(ref c1, 4);
        var c2a = Vector256.LoadUnsafe(ref c2);
        var c2b = Vector256.LoadUnsafe(ref c2, 4);
        var c3a = Vector256.LoadUnsafe(ref c3);
        var c3b = Vector256.LoadUnsafe(ref c3, 4);
        for (var q = 0; q < n; q++)
        {
            var offset = (nuint)q * (nuint)stride;
            var low = Vector256.LoadUnsafe(ref lo, offset);
            var high = Vector256.LoadUnsafe(ref hi, offset);
            ref var row = ref Unsafe.Add(ref x, offset);
            var s = Vector256.Create(row);
            c0a += s * low;
            c0b += s * high;
            s = Vector256.Create(Unsafe.Add(ref row, 1));
            c1a += s * low;
            c1b += s * high;
            s = Vector256.Create(Unsafe.Add(ref row, 2));
            c2a += s * low;
            c2b += s * high;
            s = Vector256.Create(Unsafe.Add(ref row, 3));
            c3a += s * low;
            c3b += s * high;
        }
        c0a.StoreUnsafe(ref c0);
        c0b.StoreUnsafe(ref c0, 4);
        c1a.StoreUnsafe(ref c1);
        c1b.StoreUnsafe(ref c1, 4);
        c2a.StoreUnsafe(ref c2);
        c2b.StoreUnsafe(ref c2, 4);
        c3a.StoreUnsafe(ref c3);
        c3b.StoreUnsafe(ref c3, 4);
    }
}
