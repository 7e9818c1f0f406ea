namespace Sweeps.Numerics.Statistics;

/// <summary>
/// Locates a success transition along one axis (docs/SCIENCE.md section 8): the probit model
/// pi(x) = Phi((x - x50) / w), w &gt; 0, fitted by maximum likelihood to binomial counts
/// (s successes of n trials at each axis value x). Probit rather than logistic because w is then
/// the standard deviation of a Gaussian threshold, the form Donoho-Tanner curves are reported in,
/// and the 10%-90% width is 2 * 1.2816 w; the two fit almost identically on data this size.
/// <para>
/// The 50% point's 95% interval is the profile-likelihood interval
/// {x50 : 2 (L_max - max_w L(x50, w)) &lt;= 3.841}, not a Wald interval: x50 = -a/b is a ratio, and
/// its likelihood is strongly skewed when the slope is poorly determined. The set is an interval
/// (the log likelihood is concave in (a, b) = (-x50/w, 1/w), and x50 = -a/b maps its convex
/// super-level sets to intervals), so each end is found by bisection. An end that does not close
/// within ten data ranges of the estimate (the slope is not significantly positive) is NaN.
/// </para>
/// Statuses, checked in this order (<see cref="TransitionStatus"/>): too-few (fewer than 3 axis
/// values with trials), all-fail, all-success, separated (every trial below some value fails and
/// every trial above it succeeds, at most one axis value mixed: the maximum-likelihood width is 0;
/// x50 is the mixed value or the midpoint of the gap, the interval runs from the last value where
/// every trial failed to the first where every trial succeeded (NaN where there is none), the width
/// is NaN), not-monotone (the fitted
/// slope is not positive), ok.
/// </summary>
public static class ProbitFit
{
    /// <summary>The chi-square(1) 95% quantile: the profile deviance cut-off of a 95% interval.</summary>
    public const double ChiSquare95 = 3.841458820694124;

    /// <summary>Phi^-1(0.9): the 10%-90% width is 2 * Z90 * w.</summary>
    public const double Z90 = 1.2815515655446004;

    public const int MinAxisValues = 3;

    public static TransitionFit Fit(IEnumerable<BinomialPoint> points)
    {
        var data = Pool(points);
        var trials = data.Sum(p => p.Trials);
        var successes = data.Sum(p => p.Successes);
        TransitionFit Result(string status, double x50 = double.NaN, double low = double.NaN, double high = double.NaN, double width = double.NaN) =>
            new(status, x50, low, high, width, trials, successes);

        if (data.Length < MinAxisValues)
            return Result(TransitionStatus.TooFew);
        if (successes == 0)
            return Result(TransitionStatus.AllFail);
        if (successes == trials)
            return Result(TransitionStatus.AllSuccess);
        if (Separation(data) is { } gap)
            return Result(TransitionStatus.Separated, gap.X50, gap.Low, gap.High);

        var (a, b) = MaximumLikelihood(data);
        if (!(b > 0) || !double.IsFinite(a))
            return Result(TransitionStatus.NotMonotone);
        var x50 = -a / b;
        var maximum = LogLikelihood(data, a, b);
        var range = data[^1].X - data[0].X;
        var low = ProfileEnd(data, x50, maximum, b, -range);
        var high = ProfileEnd(data, x50, maximum, b, range);
        return Result(TransitionStatus.Ok, x50, low, high, 2 * Z90 / b);
    }

    /// <summary>Counts at equal axis values added, values without trials dropped, sorted by x.</summary>
    private static BinomialPoint[] Pool(IEnumerable<BinomialPoint> points) =>
        points.Where(p => p.Trials > 0)
            .GroupBy(p => p.X)
            .Select(g => new BinomialPoint(g.Key, g.Sum(p => p.Trials), g.Sum(p => p.Successes)))
            .OrderBy(p => p.X)
            .ToArray();

    /// <summary>
    /// Complete or quasi-complete separation (no finite maximum-likelihood estimate): the values with a failure all lie
    /// at or below the values with a success, overlapping at one value at most. Null when the data overlap.
    /// </summary>
    private static (double X50, double Low, double High)? Separation(BinomialPoint[] data)
    {
        var lastFailure = data.Last(p => p.Successes < p.Trials).X;
        var firstSuccess = data.First(p => p.Successes > 0).X;
        if (lastFailure > firstSuccess)
            return null;
        var allFail = data.Where(p => p.Successes == 0).Select(p => p.X).DefaultIfEmpty(double.NaN).Max();
        var allSuccess = data.Where(p => p.Successes == p.Trials).Select(p => p.X).DefaultIfEmpty(double.NaN).Min();
        return (lastFailure == firstSuccess ? lastFailure : (lastFailure + firstSuccess) / 2, allFail, allSuccess);
    }

    /// <summary>
    /// Fisher scoring (iteratively reweighted least squares) for eta = a + b x: the probit's expected information
    /// n phi^2 / (Phi (1 - Phi)) per value is positive definite, so each step solves a 2 x 2 weighted least-squares
    /// problem; steps are halved while they lower the likelihood. Starts from the flat model centred on the data.
    /// </summary>
    private static (double A, double B) MaximumLikelihood(BinomialPoint[] data)
    {
        var mean = data.Sum(p => p.X * p.Trials) / data.Sum(p => p.Trials);
        var spread = Math.Max(data[^1].X - data[0].X, 1e-12);
        double a = -mean / spread, b = 1 / spread;
        var current = LogLikelihood(data, a, b);
        for (var iteration = 0; iteration < 200; iteration++)
        {
            double s0 = 0, s1 = 0, i00 = 0, i01 = 0, i11 = 0;
            foreach (var p in data)
            {
                var eta = a + b * p.X;
                var (score, information) = ScoreAndInformation(eta, p);
                s0 += score;
                s1 += score * p.X;
                i00 += information;
                i01 += information * p.X;
                i11 += information * p.X * p.X;
            }
            var det = i00 * i11 - i01 * i01;
            if (!(det > 0))
                break;
            double da = (i11 * s0 - i01 * s1) / det, db = (i00 * s1 - i01 * s0) / det;
            var step = 1.0;
            double next;
            while ((next = LogLikelihood(data, a + step * da, b + step * db)) < current && step > 1e-10)
                step /= 2;
            if (!(next >= current))
                break;
            a += step * da;
            b += step * db;
            var gain = next - current;
            current = next;
            if (gain < 1e-12 && Math.Abs(step * db) <= 1e-10 * Math.Abs(b))
                break;
        }
        return (a, b);
    }

    /// <summary>
    /// One end of the profile-likelihood interval: walking from the estimate in the direction of <paramref name="step"/>
    /// (doubling) until the profile deviance passes the cut-off, then bisecting; NaN when it does not pass within ten steps' length.
    /// </summary>
    private static double ProfileEnd(BinomialPoint[] data, double x50, double maximum, double slope, double step)
    {
        bool Inside(double x) => 2 * (maximum - Profile(data, x, slope)) <= ChiSquare95;
        double inner = x50, outer = x50 + step / 64;
        while (Inside(outer))
        {
            if (Math.Abs(outer - x50) > 10 * Math.Abs(step))
                return double.NaN;
            inner = outer;
            outer = x50 + 2 * (outer - x50);
        }
        for (var i = 0; i < 60 && Math.Abs(outer - inner) > 1e-9 * (1 + Math.Abs(x50)); i++)
        {
            var middle = (inner + outer) / 2;
            if (Inside(middle))
                inner = middle;
            else
                outer = middle;
        }
        return (inner + outer) / 2;
    }

    /// <summary>
    /// max over b &gt; 0 of the log likelihood with the 50% point held at x50 (eta = b (x - x50)): concave in b, so
    /// unimodal in log b; golden-section search over 30 e-folds around the fitted slope (the lower end is the flat model).
    /// </summary>
    private static double Profile(BinomialPoint[] data, double x50, double slope)
    {
        double L(double logB) { var b = Math.Exp(logB); return LogLikelihood(data, -b * x50, b); }
        const double Ratio = 0.6180339887498949;
        double lo = Math.Log(slope) - 15, hi = Math.Log(slope) + 15;
        double c = hi - Ratio * (hi - lo), d = lo + Ratio * (hi - lo), fc = L(c), fd = L(d);
        for (var i = 0; i < 80; i++)
        {
            if (fc >= fd)
            {
                hi = d; d = c; fd = fc;
                c = hi - Ratio * (hi - lo); fc = L(c);
            }
            else
            {
                lo = c; c = d; fc = fd;
                d = lo + Ratio * (hi - lo); fd = L(d);
            }
        }
        return Math.Max(fc, fd);
    }

    /// <summary>sum of s log Phi(eta) + (n - s) log Phi(-eta) over the axis values, eta = a + b x.</summary>
    internal static double LogLikelihood(BinomialPoint[] data, double a, double b)
    {
        var total = 0.0;
        foreach (var p in data)
        {
            var eta = a + b * p.X;
            if (p.Successes > 0)
                total += p.Successes * NormalTail.LogCdf(eta);
            if (p.Successes < p.Trials)
                total += (p.Trials - p.Successes) * NormalTail.LogCdf(-eta);
        }
        return total;
    }

    /// <summary>
    /// One trial's expected information about eta = (x - x50) / w, phi(eta)^2 / (Phi(eta) (1 - Phi(eta))) (docs/SCIENCE.md
    /// section 8; divided by w^2 it is the information about x50): 2 / pi = 0.64 at the 50% point, 0.03 at |eta| = 2.5.
    /// Computed as the product of the two Mills ratios phi / Phi and phi / (1 - Phi), stable in both tails.
    /// </summary>
    public static double Information(double eta) => NormalTail.MillsRatio(eta) * NormalTail.MillsRatio(-eta);

    /// <summary>d/d eta of one value's log likelihood, and its expected information n phi^2 / (Phi (1 - Phi)).</summary>
    private static (double Score, double Information) ScoreAndInformation(double eta, BinomialPoint p)
    {
        double up = NormalTail.MillsRatio(eta), down = NormalTail.MillsRatio(-eta);
        var score = p.Successes * up - (p.Trials - p.Successes) * down;
        return (score, p.Trials * up * down);
    }
}
