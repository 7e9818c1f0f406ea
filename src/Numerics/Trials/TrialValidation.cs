using Sweeps.Numerics.External;

namespace Sweeps.Numerics.Trials;

/// <summary>Checks a trial's parameters before any work: each message names the field, the value and what is allowed.</summary>
public static class TrialValidation
{
    public static IReadOnlyList<string> Validate(TrialParameters parameters)
    {
        var errors = new List<string>();
        if (parameters.ExternalProblem is { } problem)
            errors.AddRange(ExternalMethod.CheckCommand(problem, "problem"));
        else if (!Catalogs.Problems.TryGet(parameters.Problem, out var family))
            errors.Add($"problem: '{parameters.Problem}' is not a known problem; allowed: {string.Join(", ", Catalogs.Problems.Names)}.");
        else
            errors.AddRange(family.Validate(parameters));
        // An external problem's command interprets the method name and its parameters itself.
        if (parameters.ExternalProblem is not null)
            errors.AddRange(ExternalMethod.FiniteParameters(parameters.MethodParameters));
        else if (parameters.External is not null)
            errors.AddRange(ExternalMethod.Validate(parameters));
        else if (!Catalogs.Methods.TryGet(parameters.Method, out var method))
            errors.Add($"method: '{parameters.Method}' is not a known method; allowed: {string.Join(", ", Catalogs.Methods.Names)}.");
        else
            errors.AddRange(method.Validate(parameters.MethodParameters));
        if (!(parameters.Success.Tolerance > 0))
            errors.Add($"success.tolerance: {parameters.Success.Tolerance} is not allowed; it must be a positive number.");
        if (parameters.Success.RelativeToNoise is { } c && !(c > 0))
            errors.Add($"success.relative_to_noise: {c} is not allowed; it must be a positive number.");
        return errors;
    }
}
