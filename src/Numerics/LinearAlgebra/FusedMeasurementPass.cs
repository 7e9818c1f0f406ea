using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Sweeps.Numerics.LinearAlgebra;

/// <summary>
/// The fused pass of a measurement operator stored as m stacked rows a_i (each of length n):
/// r_i = &lt;a_i, x&gt; - b_i and S += r_i a_i, reading each a_i from memory once. Four rows at a time:
/// the four dot products share the loads of x, and S is loaded and stored once for four updates.
/// Bit-identical to m calls of <see cref="Kernels.Dot"/> and then <see cref="Kernels.Axpy"/> in row
/// order: each dot keeps Dot's two 4-wide accumulators and combining order, and each entry of S
/// receives ((S + r_0 a_0) + r_1 a_1) + ... with separate multiply and add. Allocation-free.
/// </summary>
internal static class FusedMeasurementPass
{
    /// <summary>Fills <paramref name="residual"/> (length m) and adds sum_i r_i a_i to <paramref name="sum"/> (length n).</summary>
    public static void Run(ReadOnlySpan<double> rows, ReadOnlySpan<double> x, ReadOnlySpan<double> b, Span<double> residual, Span<double> sum)
    {
        var n = x.Length;
        var m = b.Length;
        if (rows.Length != m * n || residual.Length != m || sum.Length != n)
            throw new ArgumentException($"FusedMeasurementPass: expected {m} rows of {n}, got {rows.Length} entries, {residual.Length} residuals and a sum of {sum.Length}.");
        var i = 0;
        for (; i <= m - 4; i += 4)
        {
            var block = rows.Slice(i * n, 4 * n);
            Dot4(block, x, out var r0, out var r1, out var r2, out var r3);
            (r0, r1, r2, r3) = (r0 - b[i], r1 - b[i + 1], r2 - b[i + 2], r3 - b[i + 3]);
            (residual[i], residual[i + 1], residual[i + 2], residual[i + 3]) = (r0, r1, r2, r3);
            Axpy4(r0, r1, r2, r3, block, sum);
        }
        for (; i < m; i++)
        {
            var a = rows.Slice(i * n, n);
            var r = Kernels.Dot(a, x) - b[i];
            residual[i] = r;
            Kernels.Axpy(r, a, sum);
        }
    }

    /// <summary>&lt;a_t, x&gt; for the four rows a_t of <paramref name="block"/>, each in exactly <see cref="Kernels.Dot"/>'s order.</summary>
    private static void Dot4(ReadOnlySpan<double> block, ReadOnlySpan<double> x, out double d0, out double d1, out double d2, out double d3)
    {
        var n = x.Length;
        ref var a0 = ref MemoryMarshal.GetReference(block);
        ref var a1 = ref Unsafe.Add(ref a0, n);
        ref var a2 = ref Unsafe.Add(ref a1, n);
        ref var a3 = ref Unsafe.Add(ref a2, n);
        ref var xr = ref MemoryMarshal.GetReference(x);
        Vector256<double> s00 = default, s01 = default, s10 = default, s11 = default;
        Vector256<double> s20 = default, s21 = default, s30 = default, s31 = default;
        var k = 0;
        for (; k <= n - 8; k += 8)
        {
            var x0 = Vector256.LoadUnsafe(ref xr, (nuint)k);
            var x1 = Vector256.LoadUnsafe(ref xr, (nuint)(k + 4));
            s00 += Vector256.LoadUnsafe(ref a0, (nuint)k) * x0;
            s01 += Vector256.LoadUnsafe(ref a0, (nuint)(k + 4)) * x1;
            s10 += Vector256.LoadUnsafe(ref a1, (nuint)k) * x0;
            s11 += Vector256.LoadUnsafe(ref a1, (nuint)(k + 4)) * x1;
            s20 += Vector256.LoadUnsafe(ref a2, (nuint)k) * x0;
            s21 += Vector256.LoadUnsafe(ref a2, (nuint)(k + 4)) * x1;
            s30 += Vector256.LoadUnsafe(ref a3, (nuint)k) * x0;
            s31 += Vector256.LoadUnsafe(ref a3, (nuint)(k + 4)) * x1;
        }
        d0 = Finish(s00 + s01, ref a0, ref xr, k, n);
        d1 = Finish(s10 + s11, ref a1, ref xr, k, n);
        d2 = Finish(s20 + s21, ref a2, ref xr, k, n);
        d3 = Finish(s30 + s31, ref a3, ref xr, k, n);
    }

    /// <summary>Dot's ending: (e0 + e1) + (e2 + e3), then the scalar tail k..n-1 in order.</summary>
    private static double Finish(Vector256<double> acc, ref double a, ref double x, int k, int n)
    {
        var s = (acc.GetElement(0) + acc.GetElement(1)) + (acc.GetElement(2) + acc.GetElement(3));
        for (; k < n; k++)
            s += Unsafe.Add(ref a, k) * Unsafe.Add(ref x, k);
        return s;
    }

    /// <summary>y += r0 a0, then r1 a1, r2 a2, r3 a3 (the four rows of <paramref name="block"/>), one load and store of y.</summary>
    private static void Axpy4(double r0, double r1, double r2, double r3, ReadOnlySpan<double> block, Span<double> y)
    {
        var n = y.Length;
        ref var a0 = ref MemoryMarshal.GetReference(block);
        ref var a1 = ref Unsafe.Add(ref a0, n);
        ref var a2 = ref Unsafe.Add(ref a1, n);
        ref var a3 = ref Unsafe.Add(ref a2, n);
        ref var yr = ref MemoryMarshal.GetReference(y);
        var (v0, v1, v2, v3) = (Vector256.Create(r0), Vector256.Create(r1), Vector256.Create(r2), Vector256.Create(r3));
        var k = 0;
        for (; k <= n - 4; k += 4)
        {
            var v = Vector256.LoadUnsafe(ref yr, (nuint)k) + v0 * Vector256.LoadUnsafe(ref a0, (nuint)k);
            v += v1 * Vector256.LoadUnsafe(ref a1, (nuint)k);
            v += v2 * Vector256.LoadUnsafe(ref a2, (nuint)k);
            v += v3 * Vector256.LoadUnsafe(ref a3, (nuint)k);
            v.StoreUnsafe(ref yr, (nuint)k);
        }
        for (; k < n; k++)
            Unsafe.Add(ref yr, k) = (((Unsafe.Add(ref yr, k) + r0 * Unsafe.Add(ref a0, k)) + r1 * Unsafe.Add(ref a1, k)) + r2 * Unsafe.Add(ref a2, k)) + r3 * Unsafe.Add(ref a3, k);
    }
}
