using Sweeps.Numerics.Trials;

namespace Sweeps.Numerics.Problems.Sensing;

/// <summary>The parameter checks shared by the Gaussian sensing families (SCIENCE.md 2.1, 2.2).</summary>
internal static class SensingValidation
{
    /// <summary>The largest dense measurement operator we agree to hold: 2 GiB.</summary>
    public const long MaxOperatorBytes = 2L << 30;

    /// <summary>
    /// Messages for every bad field. <paramref name="symmetric"/> selects X = U U^T (d1 = d2 = d,
    /// d(d+1)/2 unknowns, packed operator rows) over X = L R^T (d1 d2 unknowns).
    /// </summary>
    public static IReadOnlyList<string> Validate(TrialParameters parameters, string family, bool symmetric)
    {
        var errors = new List<string>();
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
        if (!(parameters.Noise >= 0) || double.IsInfinity(parameters.Noise))
            errors.Add($"noise: {parameters.Noise} is not allowed; it must be a finite number >= 0.");
        RejectUnused(errors, family, ParameterNames.P, parameters.P);
        RejectUnused(errors, family, ParameterNames.Depth, parameters.Depth);
        RejectUnused(errors, family, ParameterNames.R2, parameters.R2);
        RejectUnused(errors, family, ParameterNames.K2, parameters.K2);
        RejectUnused(errors, family, ParameterNames.Sparsity, parameters.Sparsity);

        if (d1 < 1 || d2 < 1)
            return errors;
        var unknowns = symmetric ? (long)d1 * (d1 + 1) / 2 : (long)d1 * d2;
        var what = symmetric ? "d(d+1)/2" : "d1 * d2";
        if (parameters.M is not { } m)
            errors.Add($"m: missing; {family} needs the number of measurements, between 1 and {what} = {unknowns}.");
        else if (m < 1 || m > unknowns)
            errors.Add($"m: {m} is not allowed; it must be between 1 and {what} = {unknowns} (the unknowns of X).");
        else if (m * unknowns * sizeof(double) > MaxOperatorBytes)
            errors.Add($"m: {m} is not allowed with d1 = {d1}, d2 = {d2}: the dense measurement operator would take " +
                $"{m * unknowns * sizeof(double) / (double)(1L << 30):F1} GiB, more than the 2 GiB allowed; lower m or the dimensions.");
        return errors;
    }

    /// <summary>Adds "name: value does not apply to family; remove it." when the value is given.</summary>
    public static void RejectUnused<T>(List<string> errors, string family, string name, T? value)
        where T : struct
    {
        if (value is { } v)
            errors.Add($"{name}: {v} does not apply to {family}; remove it.");
    }
}
