using Sweeps.Numerics.LinearAlgebra;
using Sweeps.Numerics.Random;
using Sweeps.Numerics.Trials;

namespace Sweeps.Numerics.Problems.Sensing;

/// <summary>
/// general-sensing (SCIENCE.md 2.1): truth M = Z1 Z2^T / ||Z1 Z2^T||_F with Z1 (d1 x r), Z2 (d2 x r)
/// i.i.d. N(0, 1) from the Truth stream; A_i i.i.d. Gaussian from the Measurements stream;
/// b = A(M) + sigma xi, xi ~ N(0, I_m) from the Noise stream, sigma = noise (absolute).
/// </summary>
public sealed class GeneralSensingFamily : IProblemFamily
{
    public const string FamilyName = "general-sensing";

    // Decompositions must not depend on the machine's core count.
    static GeneralSensingFamily() => MathNet.Numerics.Control.UseSingleThread();

    public string Name => FamilyName;

    public IReadOnlyList<string> Validate(TrialParameters parameters) =>
        SensingValidation.Validate(parameters, FamilyName, symmetric: false);

    public IFactorizedProblem Sample(TrialParameters parameters, TrialSeed seed)
    {
        var errors = Validate(parameters);
        if (errors.Count > 0)
            throw new ArgumentException(string.Join(Environment.NewLine, errors), nameof(parameters));
        var (d1, d2, r) = (parameters.D1, parameters.D2, parameters.R);

        var truthStream = seed.Stream(StreamPurpose.Truth);
        var left = new double[d1 * r];
        var right = new double[d2 * r];
        truthStream.FillNormal(left);
        truthStream.FillNormal(right);
        var truth = new double[d1 * d2];
        DenseProducts.MultiplyTransposed(left, right, r, truth);
        Kernels.Scale(1.0 / Kernels.Norm(truth), truth);

        var measurementStream = seed.Stream(StreamPurpose.Measurements);
        var measurements = new GeneralMeasurementOperator(parameters.M!.Value, d1, d2, ref measurementStream);
        var data = SensingData.Observe(measurements, truth, parameters.Noise, seed);
        return new GeneralSensingProblem(parameters.K, truth, measurements, data);
    }
}
