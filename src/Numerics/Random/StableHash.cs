using System.Text;

namespace Sweeps.Numerics.Random;

/// <summary>
/// A 64-bit hash that is the same on every machine and every run (unlike string.GetHashCode):
/// FNV-1a over UTF-8 bytes, finished with the SplitMix64 mixer. Used to turn names and
/// cell coordinates into generator keys.
/// </summary>
public static class StableHash
{
    private const ulong FnvOffset = 14695981039346656037UL, FnvPrime = 1099511628211UL;

    public static ulong Of(string text)
    {
        var h = FnvOffset;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            h ^= b;
            h *= FnvPrime;
        }
        return Mix(h);
    }

    /// <summary>Combines two 64-bit values into one, order-sensitive.</summary>
    public static ulong Combine(ulong a, ulong b) => Mix(a ^ (Mix(b) + 0x9E3779B97F4A7C15UL + (a << 6) + (a >> 2)));

    /// <summary>SplitMix64 finalizer: a bijection on 64-bit words with full avalanche.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
