namespace Sweeps.Numerics.Problems.Network;

/// <summary>
/// quadratic-network (docs/SCIENCE.md 2.6), d1 = d2 = d: teacher M = (Z1 Z1^T - Z2 Z2^T) / ||Z1 Z1^T - Z2 Z2^T||_F
/// with Z1 (d x r) then Z2 (d x r2) i.i.d. N(0, 1) from the Truth stream; inputs x_i ~ N(0, I_d) from the
/// Measurements stream; y_i = x_i^T M x_i + sigma xi_i from the Noise stream. Student widths k (U1) and
/// k2 (U2). r2 = k2 = 0 is covariance estimation; with r = k = 1 also phase retrieval.
/// Parameters: d (d1 = d2), 1 &lt;= r, k &gt;= r, r2 &gt;= 0 (default 0), k2 &gt;= r2 (default 0), r + r2 &lt;= d, m between 1 and d(d+1)/2, noise &gt;= 0; p, depth and sparsity rejected.
/// </summary>
public sealed class QuadraticNetworkFamily() : ProblemFamily(FamilyName, [.. SensingValidation.Sensing, ParameterNames.R2, ParameterNames.K2])
{
    public const string FamilyName = "quadratic-network";

    protected override void Check(List<string> errors, TrialParameters parameters)
    {
        SensingValidation.CheckShape(errors, parameters, FamilyName, symmetric: true);
        var (r2, k2) = (parameters.R2 ?? 0, parameters.K2 ?? 0);
        if (r2 < 0)
            errors.Add($"r2: {r2} is not allowed; it must be at least 0.");
        else if (parameters.R + r2 > parameters.D1)
            errors.Add($"r2: {r2} is not allowed with r = {parameters.R}; the teacher's ranks must satisfy r + r2 <= d = {parameters.D1}.");
        if (k2 < Math.Max(r2, 0))
            errors.Add($"k2: {k2} is not allowed; it must be at least the negative rank r2 = {r2} (and at least 0).");
        SensingValidation.CheckMeasurementCount(errors, parameters, FamilyName, symmetric: true);
    }

    protected override IFactorizedProblem Draw(TrialParameters parameters, TrialSeed seed)
    {
        var (d, r, r2) = (parameters.D1, parameters.R, parameters.R2 ?? 0);

        var (positive, negative) = GeneralSensingFamily.SampleFactors(seed, d * r, d * r2);
        var truth = new double[d * d];
        DenseProducts.Gram(positive, r, truth);
        if (r2 > 0)
        {
            var gram = new double[d * d];
            DenseProducts.Gram(negative, r2, gram);
            Kernels.Axpy(-1, gram, truth);
        }
        Kernels.Scale(1.0 / Kernels.Norm(truth), truth);

        var measurementStream = seed.Stream(StreamPurpose.Measurements);
        var inputs = BilinearMeasurementOperator.Quadratic(parameters.M!.Value, d, ref measurementStream);
        var data = SensingData.Observe(inputs, truth, parameters, seed).Data;
        return new QuadraticNetworkProblem(parameters.K, parameters.K2 ?? 0, truth, inputs, data);
    }
}
