using Sweeps.Numerics.Random;

namespace Sweeps.Numerics.Tests;

public sealed class PortableMathTests
{
    private const double Tolerance = 1e-15;

    private static void AssertRelative(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= Tolerance * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void Exp_agrees_with_the_platform_to_1e_15_relative()
    {
        var stream = new RandomStream(5);
        for (var i = 0; i < 20_000; i++)
        {
            // Dense on the ziggurat's range [-7, 0], then spread over [-700, 700].
            var t = i % 2 == 0 ? -7 * stream.NextDouble() : 1400 * stream.NextDouble() - 700;
            AssertRelative(Math.Exp(t), PortableMath.Exp(t));
        }
        Assert.Equal(1.0, PortableMath.Exp(0.0));
    }

    [Fact]
    public void Log_agrees_with_the_platform_to_1e_15_relative()
    {
        var stream = new RandomStream(6);
        for (var i = 0; i < 20_000; i++)
        {
            // Uniforms on (0, 1] as the tail draws them, near 1 (ln u small), and across 600 binary orders.
            var u = (i % 3) switch
            {
                0 => ((stream.NextUInt64() >> 11) + 1) * Math.Pow(2, -53),
                1 => 1 - stream.NextDouble() * 1e-6,
                _ => Math.Pow(2, 600 * stream.NextDouble() - 300),
            };
            if (u != 1)
                AssertRelative(Math.Log(u), PortableMath.Log(u));
        }
        Assert.Equal(0.0, PortableMath.Log(1.0));
    }

    [Fact]
    public void Log_rejects_what_it_cannot_represent()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PortableMath.Log(0.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => PortableMath.Log(-1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => PortableMath.Exp(800));
    }
}
