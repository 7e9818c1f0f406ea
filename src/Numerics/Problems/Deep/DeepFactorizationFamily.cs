namespace Sweeps.Numerics.Problems.Deep;

/// <summary>
/// deep-factorization (docs/SCIENCE.md 2.7): the general-sensing instance (same truth, Gaussian map and data
/// from the same streams, so a seed gives the same instance as general-sensing) fitted by a product of
/// <c>depth</c> factors X = W_L ... W_1. Parameters: d1, d2 (or d), r, k (the inner width), m, noise and
/// depth (2 to 10, default 2); p, r2, k2, sparsity are rejected.
/// </summary>
public sealed class DeepFactorizationFamily() : ProblemFamily(FamilyName, [.. SensingValidation.Sensing, ParameterNames.Depth])
{
    public const string FamilyName = "deep-factorization";
    public const int DefaultDepth = 2, MaxDepth = 10;

    protected override void Check(List<string> errors, TrialParameters parameters)
    {
        SensingValidation.CheckShape(errors, parameters, FamilyName, symmetric: false);
        var depth = parameters.Depth ?? DefaultDepth;
        if (depth < 2 || depth > MaxDepth)
            errors.Add($"depth: {depth} is not allowed; it must be between 2 and {MaxDepth} (depth 2 is general sensing, X = W_2 W_1).");
        SensingValidation.CheckMeasurementCount(errors, parameters, FamilyName, symmetric: false);
    }

    protected override IFactorizedProblem Draw(TrialParameters parameters, TrialSeed seed)
    {
        GeneralMeasurementOperator? map = null;
        var sensing = GeneralSensingFamily.SampleLowRank(FamilyName, parameters, seed, (ref RandomStream stream) =>
        {
            map = new GeneralMeasurementOperator(parameters.M!.Value, parameters.D1, parameters.D2, ref stream);
            var (p, q) = map.Moments();
            return (map, p, q);
        });
        return new DeepFactorizationProblem(sensing, map!, parameters.Depth ?? DefaultDepth);
    }
}
