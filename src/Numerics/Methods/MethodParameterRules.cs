using System.Globalization;

namespace Sweeps.Numerics.Methods;

/// <summary>
/// Validation shared by the methods: a parameter a method does not declare is an error naming the
/// method's parameters; a declared one must be in its <see cref="ParameterTable"/> range (lambda &gt;= 0,
/// alpha, rho, step &gt; 0, all finite; max_iters &gt;= 1).
/// </summary>
internal static class MethodParameterRules
{
    public static IReadOnlyList<string> Validate(IMethod method, MethodParameters parameters)
    {
        var errors = new List<string>();
        foreach (var definition in ParameterTable.All.Where(p => p.Role == ParameterRole.Method))
        {
            if (definition.Read(parameters) is not { } v)
                continue;
            if (!method.Parameters.Contains(definition.Name))
                errors.Add($"{definition.Name}: not used by {method.Name}; allowed parameters: {string.Join(", ", method.Parameters)}.");
            else if (!definition.InRange(v))
                errors.Add($"{definition.Name}: {v.ToString(CultureInfo.InvariantCulture)} is not allowed; it must be {definition.Requirement}.");
        }
        return errors;
    }
}
