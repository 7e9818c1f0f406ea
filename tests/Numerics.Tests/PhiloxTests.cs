using System.Runtime.Intrinsics.X86;
using Sweeps.Numerics.Random;

namespace Sweeps.Numerics.Tests;

public sealed class PhiloxTests
{
    /// <summary>Keys and first counters that cross the 32-bit carry of the counter and the 2^64 wrap.</summary>
    private static readonly ulong[] Keys = [0, 1, 0xFFFF_FFFF_FFFF_FFFF, StableHash.Mix(1), StableHash.Mix(2), StableHash.Mix(3)];
    private static readonly ulong[] Counters = [0, 1, 7, 0xFFFF_FFF9, 0xFFFF_FFFF_FFFF_FFFB, StableHash.Mix(4)];

    /// <summary>The definition: word 2j = X1:X0 and word 2j + 1 = X3:X2 of block first + j.</summary>
    private static ulong ScalarWord(ulong key, ulong firstCounter, int index)
    {
        var (x0, x1, x2, x3) = Philox.Block(key, firstCounter + (ulong)(index / 2), 0);
        return index % 2 == 0 ? ((ulong)x1 << 32) | x0 : ((ulong)x3 << 32) | x2;
    }

    [Fact]
    public void Bulk_fill_equals_scalar_blocks_for_many_keys_counters_and_lengths()
    {
        int[] lengths = [0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 33, 47, 1001];
        foreach (var key in Keys)
            foreach (var counter in Counters)
                foreach (var length in lengths)
                {
                    var words = new ulong[length];
                    Philox.Fill(key, counter, words);
                    for (var i = 0; i < length; i++)
                        Assert.Equal(ScalarWord(key, counter, i), words[i]);
                }
    }

    [Fact]
    public void The_AVX2_path_writes_scalar_blocks_in_groups_of_8_words()
    {
        if (!Avx2.IsSupported)
            return;
        foreach (var key in Keys)
            foreach (var counter in Counters)
            {
                var words = new ulong[45];
                Assert.Equal(40, Philox.FillAvx2(key, counter, words));
                for (var i = 0; i < 40; i++)
                    Assert.Equal(ScalarWord(key, counter, i), words[i]);
                Assert.All(words[40..], w => Assert.Equal(0UL, w));
            }
    }

    [Fact]
    public void Bulk_fill_matches_the_published_known_answer()
    {
        // Random123 kat_vectors: philox4x32_10, counter = key = 0 -> 6627e8d5 e169c58d bc57ac4c 9b00dbd8.
        var words = new ulong[16];
        Philox.Fill(0, 0, words);
        Assert.Equal(0xe169c58d_6627e8d5UL, words[0]);
        Assert.Equal(0x9b00dbd8_bc57ac4cUL, words[1]);
    }

    [Fact]
    public void Stream_returns_the_scalar_definition_through_its_buffer()
    {
        const ulong key = 0x1234_5678_9ABC_DEF0;
        var stream = new RandomStream(key);
        var index = 0;
        ulong Word() => ScalarWord(key, 0, index++);
        for (var round = 0; round < 40; round++)
        {
            Assert.Equal(Word(), stream.NextUInt64());
            Assert.Equal((Word() >> 11) * Math.Pow(2, -53), stream.NextDouble());
            Assert.Equal((Word() >> 63) == 0 ? 1.0 : -1.0, stream.NextSign());
            const int n = 7;
            var limit = ulong.MaxValue - ulong.MaxValue % n;
            ulong w;
            do { w = Word(); } while (w >= limit);
            Assert.Equal((int)(w % n), stream.NextInt(n));
        }
    }

    [Fact]
    public void A_copied_stream_continues_independently_from_the_same_position()
    {
        var a = new RandomStream(99);
        for (var i = 0; i < 37; i++)
            a.NextUInt64();
        var b = a;
        var fromA = Enumerable.Range(0, 100).Select(_ => a.NextUInt64()).ToArray();
        var fromB = Enumerable.Range(0, 100).Select(_ => b.NextUInt64()).ToArray();
        Assert.Equal(fromA, fromB);
        Assert.Equal(ScalarWord(99, 0, 37), fromA[0]);
    }
}
