namespace Sweeps.Numerics.Problems.Sensing;

/// <summary>
/// The parameter checks shared by the matrix families (docs/SCIENCE.md 2.1-2.4, 2.6): a full check for the
/// sensing families and its pieces (shape, noise, number of measurements) for the others. A parameter a family does
/// not take is rejected by <see cref="ProblemFamily"/> from the family's declared parameters.
/// </summary>
internal static class SensingValidation
{
    /// <summary>The largest dense measurement operator we agree to hold: 2 GiB.</summary>
    public const long MaxOperatorBytes = 2L << 30;

    /// <summary>The parameters of a low-rank truth with Gaussian noise: d1, d2, r, k, noise, noise_relative.</summary>
    public static IReadOnlyList<string> LowRank { get; } =
        [ParameterNames.D1, ParameterNames.D2, ParameterNames.R, ParameterNames.K, ParameterNames.Noise, ParameterNames.NoiseRelative];

    /// <summary>The sensing families' parameters: <see cref="LowRank"/> and m.</summary>
    public static IReadOnlyList<string> Sensing { get; } = [.. LowRank, ParameterNames.M];

    /// <summary>
    /// Messages for every bad field. <paramref name="symmetric"/> selects X = U U^T (d1 = d2 = d,
    /// d(d+1)/2 unknowns, packed operator rows) over X = L R^T (d1 d2 unknowns).
    /// </summary>
    public static void Validate(List<string> errors, TrialParameters parameters, string family, bool symmetric)
    {
        CheckShape(errors, parameters, family, symmetric);
        CheckMeasurementCount(errors, parameters, family, symmetric);
    }

    /// <summary>d1, d2 (equal when <paramref name="symmetric"/>), 1 &lt;= r &lt;= min(d1, d2), k &gt;= r, and <see cref="CheckNoise"/>.</summary>
    public static void CheckShape(List<string> errors, TrialParameters parameters, string family, bool symmetric)
    {
        var (d1, d2, r, k) = (parameters.D1, parameters.D2, parameters.R, parameters.K);
        if (d1 < 1)
            errors.Add($"d1: {d1} is not allowed; it must be at least 1.");
        if (d2 < 1)
            errors.Add($"d2: {d2} is not allowed; it must be at least 1.");
        if (symmetric && d1 != d2)
            errors.Add($"d2: {d2} is not allowed; {family} needs a square matrix, d1 = d2 (d1 is {d1}); give d.");
        var minDimension = Math.Min(d1, d2);
        if (r < 1 || r > minDimension)
            errors.Add($"r: {r} is not allowed; it must be between 1 and min(d1, d2) = {minDimension}.");
        if (k < Math.Max(r, 1))
            errors.Add($"k: {k} is not allowed; it must be at least the rank r = {r} (and at least 1).");
        CheckNoise(errors, parameters);
    }

    /// <summary>noise and noise_relative finite and &gt;= 0, and not both set (noise &gt; 0 with noise_relative).</summary>
    public static void CheckNoise(List<string> errors, TrialParameters parameters)
    {
        if (!(parameters.Noise >= 0) || double.IsInfinity(parameters.Noise))
            errors.Add($"noise: {parameters.Noise} is not allowed; it must be a finite number >= 0.");
        if (parameters.NoiseRelative is not { } relative)
            return;
        if (!(relative >= 0) || double.IsInfinity(relative))
            errors.Add($"noise_relative: {relative} is not allowed; it must be a finite number >= 0.");
        else if (parameters.Noise != 0)
            errors.Add($"noise_relative: {relative} is not allowed together with noise = {parameters.Noise}; give one of them (noise is an absolute sigma, noise_relative a multiple of ||A(M)|| / sqrt(m)).");
    }

    /// <summary>m present, between 1 and the unknowns of X, and a dense operator (m x unknowns) within <see cref="MaxOperatorBytes"/>.</summary>
    public static void CheckMeasurementCount(List<string> errors, TrialParameters parameters, string family, bool symmetric)
    {
        var (d1, d2) = (parameters.D1, parameters.D2);
        if (d1 < 1 || d2 < 1)
            return;
        var unknowns = symmetric ? (long)d1 * (d1 + 1) / 2 : (long)d1 * d2;
        var what = symmetric ? "d(d+1)/2" : "d1 * d2";
        if (parameters.M is not { } m)
            errors.Add($"m: missing; {family} needs the number of measurements, between 1 and {what} = {unknowns}.");
        else if (m < 1 || m > unknowns)
            errors.Add($"m: {m} is not allowed; it must be between 1 and {what} = {unknowns} (the unknowns of X).");
        else if (m * unknowns * sizeof(double) > MaxOperatorBytes)
            errors.Add($"m: {m} is not allowed with d1 = {d1}, d2 = {d2}: the dense measurement operator would take " +
                $"{m * unknowns * sizeof(double) / (double)(1L << 30):F1} GiB, more than the 2 GiB allowed; lower m or the dimensions.");
    }
}
