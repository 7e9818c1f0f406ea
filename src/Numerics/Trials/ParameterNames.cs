namespace Sweeps.Numerics.Trials;

/// <summary>
/// The spec's parameter names (README "Spec format"), the lists derived from <see cref="ParameterTable"/>, and how a set
/// of named values becomes <see cref="TrialParameters"/>. <c>d</c> sets d1 = d2; <c>k</c> defaults to min(d1, d2)
/// (full overparameterization) when absent.
/// </summary>
public static class ParameterNames
{
    public const string D = "d", D1 = "d1", D2 = "d2", R = "r", K = "k", M = "m", P = "p", Noise = "noise",
        NoiseRelative = "noise_relative", Depth = "depth", R2 = "r2", K2 = "k2", Sparsity = "sparsity",
        Lambda = "lambda", Alpha = "alpha", Rho = "rho", Step = "step", MaxIters = "max_iters";

    /// <summary>Problem-size parameters, in trials.csv / cells.csv column order (d aside: it is written as d1 and d2).</summary>
    public static IReadOnlyList<string> Problem { get; } = [.. ParameterTable.All.Where(p => p.Role == ParameterRole.Problem && p.Name != D).Select(p => p.Name)];

    /// <summary>Method parameters.</summary>
    public static IReadOnlyList<string> Method { get; } = [.. ParameterTable.All.Where(p => p.Role == ParameterRole.Method).Select(p => p.Name)];

    /// <summary>Every name a spec may use in <c>fixed</c> or <c>axes</c>.</summary>
    public static IReadOnlyList<string> All { get; } = [.. ParameterTable.All.Select(p => p.Name)];

    /// <summary>Names whose values must be whole numbers.</summary>
    public static IReadOnlySet<string> Integers { get; } = ParameterTable.All.Where(p => p.Type == ParameterType.Integer).Select(p => p.Name).ToHashSet();

    /// <summary>
    /// Builds the parameters of one trial from named values (fixed and axis values of a cell).
    /// Unknown names, non-integers where integers are required and a d that contradicts d1/d2 throw
    /// <see cref="ArgumentException"/> naming the field; range checks belong to the family's Validate.
    /// </summary>
    public static TrialParameters ToTrialParameters(
        string problem, string method, IReadOnlyDictionary<string, double> values, SuccessCriterion success, ulong seed)
    {
        foreach (var (name, value) in values)
        {
            if (!ParameterTable.TryGet(name, out var definition))
                throw new ArgumentException($"{name}: unknown parameter; allowed: {string.Join(", ", All)}.");
            if (definition.Type == ParameterType.Integer && (value != Math.Floor(value) || double.IsInfinity(value)))
                throw new ArgumentException($"{name}: {value} is not allowed; it must be a whole number.");
        }

        var expanded = ParameterTable.ExpandShorthand(values);
        int? Int(string name) => expanded.TryGetValue(name, out var v) ? (int)v : null;
        var d1 = Int(D1) ?? throw new ArgumentException("d: missing; give d (square) or d1 and d2.");
        var d2 = Int(D2) ?? d1;
        var parameters = new TrialParameters
        {
            Problem = problem,
            Method = method,
            D1 = d1,
            D2 = d2,
            R = Int(R) ?? throw new ArgumentException("r: missing; the rank of the truth is required."),
            K = Int(K) ?? Math.Min(d1, d2),
            MethodParameters = ToMethodParameters(expanded),
            Success = success,
            Seed = seed,
        };
        foreach (var definition in ParameterTable.All.Where(p => p.Role == ParameterRole.Problem && p.Optional))
        {
            if (expanded.TryGetValue(definition.Name, out var value))
                parameters = definition.Write(parameters, value);
        }
        if (expanded.TryGetValue(Noise, out var noise))
            parameters = parameters with { Noise = noise };
        return parameters;
    }

    /// <summary>The method parameters among named values (other names are ignored; max_iters is truncated to a whole number).</summary>
    public static MethodParameters ToMethodParameters(IReadOnlyDictionary<string, double> values)
    {
        var parameters = MethodParameters.Defaults;
        foreach (var definition in ParameterTable.All.Where(p => p.Role == ParameterRole.Method))
        {
            if (values.TryGetValue(definition.Name, out var value))
                parameters = definition.Write(parameters, value);
        }
        return parameters;
    }
}
