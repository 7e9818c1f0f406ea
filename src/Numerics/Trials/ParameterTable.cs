using System.Collections.Immutable;
using static Sweeps.Numerics.Trials.ParameterNames;

namespace Sweeps.Numerics.Trials;

/// <summary>Whether a parameter's values must be whole numbers.</summary>
public enum ParameterType
{
    Integer,
    Real,
}

/// <summary>Whether a parameter shapes the instance (a cell coordinate, read by the family) or tunes the method.</summary>
public enum ParameterRole
{
    Problem,
    Method,
}

/// <summary>
/// Where trials.csv shows a parameter: a leading column (before <c>seed</c>, always present), an extra column
/// (sorted among the metrics' extras, present when the spec gives it), or none (the <c>d</c> shorthand, shown as d1 and d2).
/// </summary>
public enum TrialColumnPlace
{
    Leading,
    Extra,
    None,
}

/// <summary>
/// One row of <see cref="ParameterTable"/>: a spec parameter, its type and role, its CLI flag and trials.csv
/// column, its default (as help text), and how it is read from and written to a trial's parameters.
/// </summary>
public sealed class ParameterDefinition
{
    private ParameterDefinition(string name, ParameterType type, ParameterRole role, TrialColumnPlace column, string summary, string defaultText) =>
        (Name, Type, Role, Column, Summary, Default) = (name, type, role, column, summary, defaultText);

    /// <summary>The spec name, which is also the trials.csv / cells.csv column name.</summary>
    public string Name { get; }

    public ParameterType Type { get; }

    public ParameterRole Role { get; }

    public TrialColumnPlace Column { get; }

    /// <summary>What the parameter means, and what holds when it is absent (help texts).</summary>
    public string Summary { get; }

    public string Default { get; }

    /// <summary>The <c>sweeps trial</c> option, without the dashes: the name with '_' as '-'.</summary>
    public string Flag => Name.Replace('_', '-');

    /// <summary>A trial may leave it unset (null), so a family that does not take it can tell that it was given.</summary>
    public bool Optional { get; private init; }

    /// <summary>Method parameters: whether a value is in range, and what the message says is allowed.</summary>
    internal Func<double, bool> InRange { get; private init; } = _ => true;

    internal string Requirement { get; private init; } = "";

    private Func<TrialParameters, double?> ReadProblem { get; init; } = _ => null;

    private Func<TrialParameters, double?, TrialParameters> WriteProblem { get; init; } = (p, _) => p;

    private Func<MethodParameters, double?> ReadMethod { get; init; } = _ => null;

    private Func<MethodParameters, double?, MethodParameters> WriteMethod { get; init; } = (p, _) => p;

    /// <summary>The trial's value of this parameter (a method parameter from its MethodParameters); null when unset.</summary>
    public double? Read(TrialParameters parameters) => Role == ParameterRole.Method ? ReadMethod(parameters.MethodParameters) : ReadProblem(parameters);

    public double? Read(MethodParameters parameters) => Role == ParameterRole.Method ? ReadMethod(parameters) : null;

    internal TrialParameters Write(TrialParameters parameters, double value) => WriteProblem(parameters, value);

    internal MethodParameters Write(MethodParameters parameters, double value) => WriteMethod(parameters, value);

    internal static ParameterDefinition Problem(
        string name, ParameterType type, TrialColumnPlace column, string summary, string defaultText,
        Func<TrialParameters, double?> read, Func<TrialParameters, double?, TrialParameters> write, bool optional = true) =>
        new(name, type, ParameterRole.Problem, column, summary, defaultText) { ReadProblem = read, WriteProblem = write, Optional = optional };

    internal static ParameterDefinition Method(
        string name, ParameterType type, string summary, Func<double, bool> inRange, string requirement,
        Func<MethodParameters, double?> read, Func<MethodParameters, double?, MethodParameters> write) =>
        new(name, type, ParameterRole.Method, TrialColumnPlace.Extra, summary, "the method's, docs/METHODS.md")
        {
            ReadMethod = read, WriteMethod = write, InRange = inRange, Requirement = requirement, Optional = true,
        };
}

/// <summary>
/// The spec's parameters, one row each, in trials.csv / cells.csv column order: the one place a parameter is
/// declared. <see cref="ParameterNames"/>' lists, the trial parameters built from named values, the families'
/// rejection of parameters they do not take, the methods' range checks, <c>sweeps trial</c>'s options and the
/// parameter columns of trials.csv and cells.csv all come from it. Adding a parameter: a name in
/// <see cref="ParameterNames"/>, a row here, a property on <see cref="TrialParameters"/> (or
/// <see cref="MethodParameters"/>), and the family or method that declares and reads it.
/// </summary>
public static class ParameterTable
{
    private const ParameterType Integer = ParameterType.Integer, Real = ParameterType.Real;
    private const TrialColumnPlace Leading = TrialColumnPlace.Leading, Extra = TrialColumnPlace.Extra;

    private static int? Whole(double? v) => v is { } x ? (int)x : null;

    public static IReadOnlyList<ParameterDefinition> All { get; } =
    [
        ParameterDefinition.Problem(D, Integer, TrialColumnPlace.None, "matrix size: sets d1 = d2 = d", "none; give d or d1 and d2",
            _ => null, (p, _) => p, optional: false),
        ParameterDefinition.Problem(D1, Integer, Leading, "rows of the truth", "d", p => p.D1, (p, v) => p with { D1 = (int)v!.Value }, optional: false),
        ParameterDefinition.Problem(D2, Integer, Leading, "columns of the truth", "d1", p => p.D2, (p, v) => p with { D2 = (int)v!.Value }, optional: false),
        ParameterDefinition.Problem(R, Integer, Leading, "rank of the truth", "required", p => p.R, (p, v) => p with { R = (int)v!.Value }, optional: false),
        ParameterDefinition.Problem(K, Integer, Leading, "factor width", "min(d1, d2)", p => p.K, (p, v) => p with { K = (int)v!.Value }, optional: false),
        ParameterDefinition.Problem(M, Integer, Leading, "number of measurements", "none; the sensing families require it", p => p.M, (p, v) => p with { M = Whole(v) }),
        ParameterDefinition.Problem(P, Real, Leading, "observation probability (matrix-completion)", "none", p => p.P, (p, v) => p with { P = v }),
        ParameterDefinition.Problem(Noise, Real, Leading, "noise level sigma", "0", p => p.Noise, (p, v) => p with { Noise = v ?? 0 }, optional: false),
        ParameterDefinition.Problem(NoiseRelative, Real, Extra, "noise level relative to the signal: sigma = S * ||A(M)|| / sqrt(m)", "none",
            p => p.NoiseRelative, (p, v) => p with { NoiseRelative = v }),
        ParameterDefinition.Problem(Depth, Integer, Leading, "number of factors (deep-factorization, hadamard-sparse)", "2", p => p.Depth, (p, v) => p with { Depth = Whole(v) }),
        ParameterDefinition.Problem(R2, Integer, Extra, "negative rank of the teacher (quadratic-network)", "0", p => p.R2, (p, v) => p with { R2 = Whole(v) }),
        ParameterDefinition.Problem(K2, Integer, Extra, "negative student width (quadratic-network)", "0", p => p.K2, (p, v) => p with { K2 = Whole(v) }),
        ParameterDefinition.Problem(Sparsity, Integer, Extra, "corruptions per row and column (robust-pca)", "none", p => p.Sparsity, (p, v) => p with { Sparsity = Whole(v) }),
        ParameterDefinition.Method(Lambda, Real, "flatness penalty weight", v => double.IsFinite(v) && v >= 0, "a finite number >= 0",
            p => p.Lambda, (p, v) => p with { Lambda = v }),
        ParameterDefinition.Method(Alpha, Real, "initialization scale", Positive, "a finite number > 0", p => p.Alpha, (p, v) => p with { Alpha = v }),
        ParameterDefinition.Method(Rho, Real, "SAM perturbation radius", Positive, "a finite number > 0", p => p.Rho, (p, v) => p with { Rho = v }),
        ParameterDefinition.Method(Step, Real, "fixed step size", Positive, "a finite number > 0", p => p.Step, (p, v) => p with { Step = v }),
        ParameterDefinition.Method(MaxIters, Integer, "iteration cap", v => v >= 1, "a whole number >= 1", p => p.MaxIters, (p, v) => p with { MaxIters = Whole(v) }),
    ];

    private static readonly Dictionary<string, ParameterDefinition> ByName = All.ToDictionary(p => p.Name, StringComparer.Ordinal);

    private static bool Positive(double v) => double.IsFinite(v) && v > 0;

    public static bool TryGet(string name, out ParameterDefinition definition) => ByName.TryGetValue(name, out definition!);

    public static ParameterDefinition Get(string name) =>
        ByName.TryGetValue(name, out var definition) ? definition : throw new ArgumentException($"{name}: unknown parameter; allowed: {string.Join(", ", All.Select(p => p.Name))}.", nameof(name));

    /// <summary>
    /// The one expansion of the <c>d</c> shorthand: named values with d replaced by d1 = d2 = d (a d1 or d2 given
    /// alongside must agree, else <see cref="ArgumentException"/>), names in ordinal order.
    /// </summary>
    public static ImmutableSortedDictionary<string, double> ExpandShorthand(IReadOnlyDictionary<string, double> values)
    {
        var expanded = values.ToImmutableSortedDictionary(StringComparer.Ordinal);
        if (!expanded.TryGetValue(D, out var d))
            return expanded;
        if ((expanded.TryGetValue(D1, out var d1) && (int)d1 != (int)d) || (expanded.TryGetValue(D2, out var d2) && (int)d2 != (int)d))
            throw new ArgumentException($"d: {(int)d} contradicts d1/d2; give either d or d1 and d2.");
        return expanded.Remove(D).SetItem(D1, d).SetItem(D2, d);
    }
}
