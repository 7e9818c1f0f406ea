namespace Sweeps.Numerics.Trials;

/// <summary>
/// The spec's parameter names (DESIGN.md) and how a set of named values becomes
/// <see cref="TrialParameters"/>. <c>d</c> sets d1 = d2; <c>k</c> defaults to min(d1, d2)
/// (full overparameterization) when absent.
/// </summary>
public static class ParameterNames
{
    public const string D = "d", D1 = "d1", D2 = "d2", R = "r", K = "k", M = "m", P = "p", Noise = "noise",
        NoiseRelative = "noise_relative", Depth = "depth", R2 = "r2", K2 = "k2", Sparsity = "sparsity",
        Lambda = "lambda", Alpha = "alpha", Rho = "rho", Step = "step", MaxIters = "max_iters";

    /// <summary>Problem-size parameters, in trials.csv / cells.csv column order.</summary>
    public static IReadOnlyList<string> Problem { get; } = [D1, D2, R, K, M, P, Noise, NoiseRelative, Depth, R2, K2, Sparsity];

    /// <summary>Method parameters.</summary>
    public static IReadOnlyList<string> Method { get; } = [Lambda, Alpha, Rho, Step, MaxIters];

    /// <summary>Every name a spec may use in <c>fixed</c> or <c>axes</c>.</summary>
    public static IReadOnlyList<string> All { get; } = [D, .. Problem, .. Method];

    /// <summary>Names whose values must be whole numbers.</summary>
    public static IReadOnlySet<string> Integers { get; } = new HashSet<string> { D, D1, D2, R, K, M, Depth, R2, K2, Sparsity, MaxIters };

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
            if (!All.Contains(name))
                throw new ArgumentException($"{name}: unknown parameter; allowed: {string.Join(", ", All)}.");
            if (Integers.Contains(name) && (value != Math.Floor(value) || double.IsInfinity(value)))
                throw new ArgumentException($"{name}: {value} is not allowed; it must be a whole number.");
        }

        int? Int(string name) => values.TryGetValue(name, out var v) ? (int)v : null;
        double? Real(string name) => values.TryGetValue(name, out var v) ? v : null;

        var d = Int(D);
        if (d is not null && ((Int(D1) ?? d) != d || (Int(D2) ?? d) != d))
            throw new ArgumentException($"d: {d} contradicts d1/d2; give either d or d1 and d2.");
        var d1 = Int(D1) ?? d ?? throw new ArgumentException("d: missing; give d (square) or d1 and d2.");
        var d2 = Int(D2) ?? d ?? d1;
        return new TrialParameters
        {
            Problem = problem,
            Method = method,
            D1 = d1,
            D2 = d2,
            R = Int(R) ?? throw new ArgumentException("r: missing; the rank of the truth is required."),
            K = Int(K) ?? Math.Min(d1, d2),
            M = Int(M),
            P = Real(P),
            Noise = Real(Noise) ?? 0,
            NoiseRelative = Real(NoiseRelative),
            Depth = Int(Depth),
            R2 = Int(R2),
            K2 = Int(K2),
            Sparsity = Int(Sparsity),
            MethodParameters = ToMethodParameters(values),
            Success = success,
            Seed = seed,
        };
    }

    /// <summary>The method parameters among named values (other names are ignored; max_iters is truncated to a whole number).</summary>
    public static MethodParameters ToMethodParameters(IReadOnlyDictionary<string, double> values)
    {
        double? Real(string name) => values.TryGetValue(name, out var v) ? v : null;
        return new MethodParameters
        {
            Lambda = Real(Lambda),
            Alpha = Real(Alpha),
            Rho = Real(Rho),
            Step = Real(Step),
            MaxIters = Real(MaxIters) is { } cap ? (int)cap : null,
        };
    }
}
