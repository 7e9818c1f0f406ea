namespace Sweeps.Numerics.Random;

/// <summary>
/// Philox4x32-10 (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC'11):
/// a counter-based generator, block = bijection_key(counter). No state besides (key, counter),
/// so any element of any stream can be computed directly, in any order, on any machine.
/// </summary>
public static class Philox
{
    private const uint M0 = 0xD2511F53, M1 = 0xCD9E8D57;
    private const uint W0 = 0x9E3779B9, W1 = 0xBB67AE85;

    /// <summary>Four 32-bit outputs of block <paramref name="counter"/> (128-bit, given as two halves) under a 64-bit key.</summary>
    public static (uint X0, uint X1, uint X2, uint X3) Block(ulong key, ulong counterLow, ulong counterHigh)
    {
        uint x0 = (uint)counterLow, x1 = (uint)(counterLow >> 32);
        uint x2 = (uint)counterHigh, x3 = (uint)(counterHigh >> 32);
        uint k0 = (uint)key, k1 = (uint)(key >> 32);
        for (var round = 0; round < 10; round++)
        {
            ulong p0 = (ulong)M0 * x0, p1 = (ulong)M1 * x2;
            uint hi0 = (uint)(p0 >> 32), lo0 = (uint)p0;
            uint hi1 = (uint)(p1 >> 32), lo1 = (uint)p1;
            (x0, x1, x2, x3) = (hi1 ^ x1 ^ k0, lo1, hi0 ^ x3 ^ k1, lo0);
            k0 += W0;
            k1 += W1;
        }
        return (x0, x1, x2, x3);
    }
}
