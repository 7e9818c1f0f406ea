using Sweeps.Client.Output;

namespace Sweeps.Client.Tests.Output;

public sealed class WilsonIntervalTests
{
    [Theory]
    [InlineData(8, 10, 0.4902, 0.9433)]   // by hand: centre 0.7167, half-width 0.2266
    [InlineData(0, 10, 0.0, 0.2775)]      // centre = half-width = 0.1388
    [InlineData(10, 10, 0.7225, 1.0)]
    [InlineData(5, 10, 0.2366, 0.7634)]
    public void Matches_hand_computed_values(int successes, int trials, double low, double high)
    {
        var (l, h) = WilsonInterval.Of(successes, trials);
        Assert.Equal(low, l, 4);
        Assert.Equal(high, h, 4);
    }

    [Theory]
    [InlineData(3, 17)]
    [InlineData(11, 40)]
    [InlineData(199, 200)]
    public void Bounds_solve_the_score_equation(int successes, int trials)
    {
        // The Wilson bounds are the roots p of (phat - p)^2 = z^2 p (1 - p) / n.
        double phat = (double)successes / trials, z = WilsonInterval.Z95;
        var (l, h) = WilsonInterval.Of(successes, trials);
        foreach (var p in new[] { l, h })
            Assert.Equal(0, (phat - p) * (phat - p) - z * z * p * (1 - p) / trials, 12);
    }

    [Fact]
    public void No_trials_give_no_interval() => Assert.True(double.IsNaN(WilsonInterval.Of(0, 0).Low));
}
