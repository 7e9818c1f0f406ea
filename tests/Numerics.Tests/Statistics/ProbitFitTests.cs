using Sweeps.Numerics.Statistics;
using Xunit.Abstractions;

namespace Sweeps.Numerics.Tests.Statistics;

public sealed class ProbitFitTests(ITestOutputHelper output)
{
    private const double TrueX50 = 100, TrueW = 15;
    private static readonly double[] Axis = [50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150];

    /// <summary>Outcomes at each axis value drawn from Phi((x - 100) / 15), 20 trials each.</summary>
    private static List<BinomialPoint> Simulate(System.Random random, int trials = 20) =>
        Axis.Select(x =>
        {
            var p = NormalTail.Cdf((x - TrueX50) / TrueW);
            return new BinomialPoint(x, trials, Enumerable.Range(0, trials).Count(_ => random.NextDouble() < p));
        }).ToList();

    [Fact]
    public void RecoversAKnownCurveWithNominalIntervalCoverage()
    {
        var random = new System.Random(20261204);
        const int replications = 400;
        int covered = 0, ok = 0;
        double sumX50 = 0, sumWidth = 0;
        for (var i = 0; i < replications; i++)
        {
            var fit = ProbitFit.Fit(Simulate(random));
            if (fit.Status != TransitionStatus.Ok)
                continue;
            ok++;
            sumX50 += fit.X50;
            sumWidth += fit.Width;
            Assert.True(fit.Low <= fit.X50 && fit.X50 <= fit.High, $"{fit.Low} <= {fit.X50} <= {fit.High}");
            if (fit.Low <= TrueX50 && TrueX50 <= fit.High)
                covered++;
        }
        Assert.True(ok >= replications - 2, $"{ok} of {replications} fits ok");
        var coverage = (double)covered / ok;
        output.WriteLine($"coverage {coverage:F4} over {ok} fits; mean m50 {sumX50 / ok:F3}; mean width {sumWidth / ok:F3} (true {2 * ProbitFit.Z90 * TrueW:F3})");
        // 400 replications: the binomial standard error of a 95% coverage is 0.011.
        Assert.InRange(coverage, 0.92, 0.98);
        Assert.InRange(sumX50 / ok, TrueX50 - 1, TrueX50 + 1);
        Assert.InRange(sumWidth / ok, 0.9 * 2 * ProbitFit.Z90 * TrueW, 1.1 * 2 * ProbitFit.Z90 * TrueW);
    }

    [Fact]
    public void IntervalShrinksLikeOneOverRootN()
    {
        var small = ProbitFit.Fit(Axis.Select(x => Exact(x, 20)));
        var large = ProbitFit.Fit(Axis.Select(x => Exact(x, 2000)));
        Assert.Equal(TransitionStatus.Ok, large.Status);
        Assert.InRange(large.X50, TrueX50 - 0.5, TrueX50 + 0.5);
        Assert.InRange((small.High - small.Low) / (large.High - large.Low), 8, 12);

        static BinomialPoint Exact(double x, int n) => new(x, n, (int)Math.Round(n * NormalTail.Cdf((x - TrueX50) / TrueW)));
    }

    [Fact]
    public void MatchesTheLikelihoodMaximum()
    {
        var data = Simulate(new System.Random(7)).ToArray();
        var fit = ProbitFit.Fit(data);
        double b = 2 * ProbitFit.Z90 / fit.Width, a = -fit.X50 * b;
        var best = ProbitFit.LogLikelihood(data, a, b);
        foreach (var (da, db) in new[] { (1e-3, 0.0), (-1e-3, 0.0), (0.0, 1e-5), (0.0, -1e-5) })
            Assert.True(ProbitFit.LogLikelihood(data, a + da, b + db) < best);
        // The interval ends lie where the profile deviance is the chi-square cut-off: a point just inside has a
        // likelihood within the cut-off for some slope.
        Assert.True(fit.Low < fit.X50 && fit.X50 < fit.High);
    }

    [Fact]
    public void NamesEachDegenerateCase()
    {
        Assert.Equal(TransitionStatus.TooFew, ProbitFit.Fit([new(10, 5, 1), new(20, 5, 4)]).Status);
        Assert.Equal(TransitionStatus.TooFew, ProbitFit.Fit([new(10, 5, 1), new(20, 5, 4), new(30, 0, 0)]).Status);
        Assert.Equal(TransitionStatus.AllFail, ProbitFit.Fit([new(10, 5, 0), new(20, 5, 0), new(30, 5, 0)]).Status);
        Assert.Equal(TransitionStatus.AllSuccess, ProbitFit.Fit([new(10, 5, 5), new(20, 5, 5), new(30, 5, 5)]).Status);
        Assert.Equal(TransitionStatus.NotMonotone, ProbitFit.Fit([new(10, 10, 9), new(20, 10, 5), new(30, 10, 1)]).Status);

        var separated = ProbitFit.Fit([new(10, 5, 0), new(20, 5, 0), new(30, 5, 5), new(40, 5, 5)]);
        Assert.Equal((TransitionStatus.Separated, 25.0, 20.0, 30.0), (separated.Status, separated.X50, separated.Low, separated.High));
        Assert.True(double.IsNaN(separated.Width));
        var quasi = ProbitFit.Fit([new(10, 5, 0), new(20, 5, 2), new(30, 5, 5)]);
        Assert.Equal((TransitionStatus.Separated, 20.0, 10.0, 30.0), (quasi.Status, quasi.X50, quasi.Low, quasi.High));
        var open = ProbitFit.Fit([new(10, 5, 2), new(20, 5, 5), new(30, 5, 5)]);
        Assert.Equal((TransitionStatus.Separated, 10.0, 20.0), (open.Status, open.X50, open.High));
        Assert.True(double.IsNaN(open.Low));
        Assert.Equal((15, 7), (quasi.Trials, quasi.Successes));
    }

    [Fact]
    public void PoolsEqualAxisValues()
    {
        BinomialPoint[] split = [new(10, 5, 1), new(10, 5, 2), new(20, 10, 5), new(30, 10, 8), new(40, 10, 9)];
        BinomialPoint[] pooled = [new(10, 10, 3), new(20, 10, 5), new(30, 10, 8), new(40, 10, 9)];
        Assert.Equal(ProbitFit.Fit(pooled), ProbitFit.Fit(split));
    }

    [Fact]
    public void TailFunctionsAreContinuousAtTheSwitch()
    {
        Assert.Equal(NormalTail.LogCdf(-30.0000001), NormalTail.LogCdf(-29.9999999), 4);
        Assert.Equal(NormalTail.MillsRatio(-30.0000001), NormalTail.MillsRatio(-29.9999999), 4);
        Assert.True(double.IsFinite(NormalTail.LogCdf(-1e6)));
    }
}
