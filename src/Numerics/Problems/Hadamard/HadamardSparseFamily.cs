namespace Sweeps.Numerics.Problems.Hadamard;

/// <summary>
/// hadamard-sparse (docs/SCIENCE.md 2.7): x* in R^d with r nonzeros (support drawn uniformly without
/// replacement, then N(0, 1) values, scaled to unit norm; Truth stream), A (m x d) i.i.d. N(0, 1)
/// (Measurements stream), b = A x* + sigma xi (Noise stream), model x = v_1 * ... * v_depth.
/// Parameters: d (d1 = d2 = d; d2 has no other meaning), r (the sparsity), depth (1 to 10, default 2),
/// m, noise. k does not apply (only its default, k = d, is accepted), nor do p, r2, k2, sparsity.
/// flat-convex is rejected at depth 1, where every interpolant is equally flat.
/// </summary>
public sealed class HadamardSparseFamily() : ProblemFamily(FamilyName, [ParameterNames.D1, ParameterNames.D2, ParameterNames.R, ParameterNames.M, ParameterNames.Noise, ParameterNames.NoiseRelative, ParameterNames.Depth])
{
    public const string FamilyName = "hadamard-sparse";
    public const int DefaultDepth = 2, MaxDepth = 10;

    protected override void Check(List<string> errors, TrialParameters parameters)
    {
        var (d, r) = (parameters.D1, parameters.R);
        if (d < 1)
            errors.Add($"d1: {d} is not allowed; it must be at least 1 (give d, the length of x).");
        if (parameters.D2 != d)
            errors.Add($"d2: {parameters.D2} is not allowed; {FamilyName} has a vector x in R^d, so give d (d1 = d2 = d).");
        if (r < 1 || r > d)
            errors.Add($"r: {r} is not allowed; it is the sparsity of x* and must be between 1 and d = {d}.");
        if (parameters.K != d)
            errors.Add($"k: {parameters.K} does not apply to {FamilyName} (every factor has length d); remove it.");
        var depth = parameters.Depth ?? DefaultDepth;
        if (depth < 1 || depth > MaxDepth)
            errors.Add($"depth: {depth} is not allowed; it must be between 1 and {MaxDepth}.");
        if (depth == 1 && parameters.Method == Methods.ConvexMethod.FlatConvex.Name)
            errors.Add($"depth: 1 is not allowed with flat-convex: the linear model x = v_1 has the constant Hessian trace 2 tr D, " +
                "so every interpolant is equally flat; use depth >= 2 (or nuclear for plain l1).");
        SensingValidation.CheckNoise(errors, parameters);
        if (parameters.M is not { } m)
            errors.Add($"m: missing; {FamilyName} needs the number of measurements (at least 1).");
        else if (m < 1)
            errors.Add($"m: {m} is not allowed; it must be at least 1.");
        else if (d >= 1 && (long)m * d * sizeof(double) > SensingValidation.MaxOperatorBytes)
            errors.Add($"m: {m} is not allowed with d = {d}: the measurement matrix would exceed 2 GiB; lower m or d.");
    }

    protected override IFactorizedProblem Draw(TrialParameters parameters, TrialSeed seed)
    {
        var (d, r) = (parameters.D1, parameters.R);

        var truthStream = seed.Stream(StreamPurpose.Truth);
        var indices = Enumerable.Range(0, d).ToArray();
        var truth = new double[d];
        for (var j = 0; j < r; j++)
        {
            var pick = j + truthStream.NextInt(d - j);
            (indices[j], indices[pick]) = (indices[pick], indices[j]);
            truth[indices[j]] = truthStream.NextNormal();
        }
        Kernels.Scale(1.0 / Kernels.Norm(truth), truth);

        var measurementStream = seed.Stream(StreamPurpose.Measurements);
        var measurements = new GeneralMeasurementOperator(parameters.M!.Value, 1, d, ref measurementStream);
        var data = SensingData.Observe(measurements, truth, parameters, seed).Data;
        return new HadamardSparseProblem(parameters.Depth ?? DefaultDepth, truth, measurements, data);
    }
}
