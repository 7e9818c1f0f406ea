namespace Sweeps.Numerics.Problems.Sensing;

/// <summary>
/// symmetric-sensing (docs/SCIENCE.md 2.2), d1 = d2 = d: truth M = Z Z^T / ||Z Z^T||_F (PSD) with
/// Z (d x r) i.i.d. N(0, 1) from the Truth stream; A_i = (G + G^T)/2 from the Measurements
/// stream; b = A(M) + sigma xi, xi ~ N(0, I_m) from the Noise stream, sigma = noise (absolute) or noise_relative * ||A(M)|| / sqrt(m).
/// </summary>
public sealed class SymmetricSensingFamily() : ProblemFamily(FamilyName, SensingValidation.Sensing)
{
    public const string FamilyName = "symmetric-sensing";

    protected override void Check(List<string> errors, TrialParameters parameters) =>
        SensingValidation.Validate(errors, parameters, FamilyName, symmetric: true);

    protected override IFactorizedProblem Draw(TrialParameters parameters, TrialSeed seed)
    {
        var (d, r) = (parameters.D1, parameters.R);

        var truthStream = seed.Stream(StreamPurpose.Truth);
        var factor = new double[d * r];
        truthStream.FillNormal(factor);
        var truth = new double[d * d];
        DenseProducts.Gram(factor, r, truth);
        Kernels.Scale(1.0 / Kernels.Norm(truth), truth);

        var measurementStream = seed.Stream(StreamPurpose.Measurements);
        var measurements = new SymmetricMeasurementOperator(parameters.M!.Value, d, ref measurementStream);
        var (data, sigma) = SensingData.Observe(measurements, truth, parameters, seed);
        return new SymmetricSensingProblem(parameters.K, truth, measurements, data) { NoiseLevel = sigma };
    }
}
