namespace Sweeps.Numerics.Problems.Sensing;

/// <summary>
/// bilinear-sensing (docs/SCIENCE.md 2.3): truth M = Z1 Z2^T / ||Z1 Z2^T||_F as in general-sensing;
/// rank-one measurements A_i = a_i c_i^T (<see cref="BilinearMeasurementOperator"/>) from the
/// Measurements stream; b = A(M) + sigma xi from the Noise stream. The instance is a
/// <see cref="GeneralSensingProblem"/> with P = (1/m) sum ||c_i||^2 a_i a_i^T and
/// Q = (1/m) sum ||a_i||^2 c_i c_i^T, so flat-convex and nuclear apply unchanged.
/// Parameters: As general-sensing: d1, d2, r, k, m (at most d1 d2), noise; the convex methods hold an m x d1 d2 projector, hence the same size cap.
/// </summary>
public sealed class BilinearSensingFamily() : ProblemFamily(FamilyName, SensingValidation.Sensing)
{
    public const string FamilyName = "bilinear-sensing";

    protected override void Check(List<string> errors, TrialParameters parameters) =>
        SensingValidation.Validate(errors, parameters, FamilyName, symmetric: false);

    protected override IFactorizedProblem Draw(TrialParameters parameters, TrialSeed seed) =>
        GeneralSensingFamily.SampleLowRank(FamilyName, parameters, seed, (ref RandomStream stream) =>
        {
            var map = new BilinearMeasurementOperator(parameters.M!.Value, parameters.D1, parameters.D2, ref stream);
            var (p, q) = map.Moments();
            return (map, p, q);
        });
}
