using System.Globalization;
using Sweeps.Numerics.Trials;

namespace Sweeps.Numerics.Methods;

/// <summary>
/// Validation shared by the methods: a parameter a method does not use is an error naming the
/// method's allowed parameters; a used one must be in range (lambda &gt;= 0, alpha &gt; 0, step &gt; 0,
/// all finite; max_iters &gt;= 1).
/// </summary>
internal static class MethodParameterRules
{
    public static IReadOnlyList<string> Validate(string method, MethodParameters parameters, params string[] allowed)
    {
        var errors = new List<string>();
        var given = new (string Name, double? Value)[]
        {
            (ParameterNames.Lambda, parameters.Lambda),
            (ParameterNames.Alpha, parameters.Alpha),
            (ParameterNames.Rho, parameters.Rho),
            (ParameterNames.Step, parameters.Step),
            (ParameterNames.MaxIters, parameters.MaxIters),
        };
        foreach (var (name, value) in given)
        {
            if (value is not { } v)
                continue;
            if (!allowed.Contains(name))
            {
                errors.Add($"{name}: not used by {method}; allowed parameters: {string.Join(", ", allowed)}.");
                continue;
            }
            var requirement = name switch
            {
                ParameterNames.Lambda => double.IsFinite(v) && v >= 0 ? null : "a finite number >= 0",
                ParameterNames.MaxIters => v >= 1 ? null : "a whole number >= 1",
                _ => double.IsFinite(v) && v > 0 ? null : "a finite number > 0",
            };
            if (requirement is not null)
                errors.Add($"{name}: {v.ToString(CultureInfo.InvariantCulture)} is not allowed; it must be {requirement}.");
        }
        return errors;
    }
}
