namespace Sweeps.Numerics.Problems.Sensing;

/// <summary>
/// general-sensing (docs/SCIENCE.md 2.1): truth M = Z1 Z2^T / ||Z1 Z2^T||_F with Z1 (d1 x r), Z2 (d2 x r)
/// i.i.d. N(0, 1) from the Truth stream; A_i i.i.d. Gaussian from the Measurements stream;
/// b = A(M) + sigma xi, xi ~ N(0, I_m) from the Noise stream, sigma = noise (absolute) or noise_relative * ||A(M)|| / sqrt(m).
/// </summary>
public sealed class GeneralSensingFamily() : ProblemFamily(FamilyName, SensingValidation.Sensing)
{
    /// <summary>Draws a measurement map from the Measurements stream, with its flatness weights P (d1 x d1) and Q (d2 x d2).</summary>
    internal delegate (IMeasurementOperator Map, double[] P, double[] Q) MapSampler(ref RandomStream stream);

    public const string FamilyName = "general-sensing";

    protected override void Check(List<string> errors, TrialParameters parameters) =>
        SensingValidation.Validate(errors, parameters, FamilyName, symmetric: false);

    protected override IFactorizedProblem Draw(TrialParameters parameters, TrialSeed seed) =>
        SampleLowRank(FamilyName, parameters, seed, (ref RandomStream stream) =>
        {
            var map = new GeneralMeasurementOperator(parameters.M!.Value, parameters.D1, parameters.D2, ref stream);
            var (p, q) = map.Moments();
            return (map, p, q);
        });

    /// <summary>
    /// An L R^T instance of <paramref name="family"/> from validated parameters:
    /// truth from <see cref="SampleTruth"/>, the map and its moments P, Q drawn by <paramref name="measure"/>
    /// from the Measurements stream, b = A(M) + sigma xi.
    /// </summary>
    internal static GeneralSensingProblem SampleLowRank(
        string family, TrialParameters parameters, TrialSeed seed, MapSampler measure)
    {
        var truth = SampleTruth(parameters.D1, parameters.D2, parameters.R, seed);
        var stream = seed.Stream(StreamPurpose.Measurements);
        var (map, p, q) = measure(ref stream);
        var (data, sigma) = SensingData.Observe(map, truth, parameters, seed);
        return new GeneralSensingProblem(family, parameters.K, truth, map, data, p, q) { NoiseLevel = sigma };
    }

    /// <summary>
    /// M = Z1 Z2^T / ||Z1 Z2^T||_F (d1 x d2, row-major, rank r), Z1 (d1 x r) then Z2 (d2 x r) i.i.d.
    /// N(0, 1) from the Truth stream: the truth of every L R^T family.
    /// </summary>
    internal static double[] SampleTruth(int d1, int d2, int r, TrialSeed seed)
    {
        var (left, right) = SampleFactors(seed, d1 * r, d2 * r);
        var truth = new double[d1 * d2];
        DenseProducts.MultiplyTransposed(left, right, r, truth);
        Kernels.Scale(1.0 / Kernels.Norm(truth), truth);
        return truth;
    }

    /// <summary>Two i.i.d. N(0, 1) factors of the given lengths, the first then the second, from the Truth stream.</summary>
    internal static (double[] First, double[] Second) SampleFactors(TrialSeed seed, int first, int second)
    {
        var truthStream = seed.Stream(StreamPurpose.Truth);
        var (a, b) = (new double[first], new double[second]);
        truthStream.FillNormal(a);
        truthStream.FillNormal(b);
        return (a, b);
    }
}
