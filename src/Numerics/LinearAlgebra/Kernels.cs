using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Sweeps.Numerics.LinearAlgebra;

/// <summary>
/// The dense vector kernels of the hot loops. Every reduction uses a fixed width (two
/// Vector256 accumulators, i.e. 8 partial sums, combined in a fixed order) and separate
/// multiply and add (no FMA), so results are bit-identical on every x64 machine, whatever
/// vector width the hardware offers. Nothing here allocates.
/// </summary>
public static class Kernels
{
    /// <summary>sum_i x_i y_i.</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length) throw new ArgumentException("Dot: lengths differ.");
        var n = x.Length;
        ref var xr = ref MemoryMarshal.GetReference(x);
        ref var yr = ref MemoryMarshal.GetReference(y);
        var acc0 = Vector256<double>.Zero;
        var acc1 = Vector256<double>.Zero;
        var i = 0;
        for (; i <= n - 8; i += 8)
        {
            acc0 += Vector256.LoadUnsafe(ref xr, (nuint)i) * Vector256.LoadUnsafe(ref yr, (nuint)i);
            acc1 += Vector256.LoadUnsafe(ref xr, (nuint)(i + 4)) * Vector256.LoadUnsafe(ref yr, (nuint)(i + 4));
        }
        var acc = acc0 + acc1;
        var sum = (acc.GetElement(0) + acc.GetElement(1)) + (acc.GetElement(2) + acc.GetElement(3));
        for (; i < n; i++)
            sum += Unsafe.Add(ref xr, i) * Unsafe.Add(ref yr, i);
        return sum;
    }

    /// <summary>sum_i x_i^2.</summary>
    public static double SumOfSquares(ReadOnlySpan<double> x) => Dot(x, x);

    /// <summary>y += a x.</summary>
    public static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        if (x.Length != y.Length) throw new ArgumentException("Axpy: lengths differ.");
        var n = x.Length;
        ref var xr = ref MemoryMarshal.GetReference(x);
        ref var yr = ref MemoryMarshal.GetReference(y);
        var av = Vector256.Create(a);
        var i = 0;
        for (; i <= n - 4; i += 4)
            (Vector256.LoadUnsafe(ref yr, (nuint)i) + av * Vector256.LoadUnsafe(ref xr, (nuint)i)).StoreUnsafe(ref yr, (nuint)i);
        for (; i < n; i++)
            Unsafe.Add(ref yr, i) += a * Unsafe.Add(ref xr, i);
    }

    /// <summary>x *= a.</summary>
    public static void Scale(double a, Span<double> x)
    {
        for (var i = 0; i < x.Length; i++) x[i] *= a;
    }

    /// <summary>Euclidean norm.</summary>
    public static double Norm(ReadOnlySpan<double> x) => Math.Sqrt(Dot(x, x));

    /// <summary>||x - y||_2.</summary>
    public static double Distance(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length) throw new ArgumentException("Distance: lengths differ.");
        var s = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            var d = x[i] - y[i];
            s += d * d;
        }
        return Math.Sqrt(s);
    }

    /// <summary>True when every entry is finite.</summary>
    public static bool AllFinite(ReadOnlySpan<double> x)
    {
        foreach (var v in x)
            if (!double.IsFinite(v)) return false;
        return true;
    }
}
