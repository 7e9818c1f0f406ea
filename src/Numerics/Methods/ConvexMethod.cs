using Sweeps.Numerics.Convex;

namespace Sweeps.Numerics.Methods;

/// <summary>
/// flat-convex and nuclear (docs/SCIENCE.md section 3 items 1-2): solve the family's convex program
/// (<see cref="ConvexObjective"/>) to high accuracy and return the flat factors of its solution.
/// Matrix-sensing problems are solved by <see cref="ConvexSensing"/>; other families supply their
/// own program through <see cref="IConvexRecoverable"/>. Deterministic: the seed is not used.
/// The only method parameter is max_iters (the solver's iteration cap).
/// </summary>
public sealed class ConvexMethod : IMethod
{
    private ConvexMethod(string name, ConvexObjective objective)
    {
        Name = name;
        Objective = objective;
    }

    public static ConvexMethod FlatConvex { get; } = new("flat-convex", ConvexObjective.Flat);

    public static ConvexMethod Nuclear { get; } = new("nuclear", ConvexObjective.Nuclear);

    public string Name { get; }

    public ConvexObjective Objective { get; }

    public IReadOnlyList<string> Parameters { get; } = [ParameterNames.MaxIters];

    public IReadOnlyList<string> Validate(MethodParameters parameters)
    {
        var errors = new List<string>();
        foreach (var definition in ParameterTable.All.Where(p => p.Role == ParameterRole.Method && !Parameters.Contains(p.Name)))
        {
            if (definition.Read(parameters) is { } v)
                errors.Add($"{definition.Name}: {v} is not allowed; {Name} takes only {string.Join(", ", Parameters)}.");
        }
        if (parameters.MaxIters is { } cap && cap < 1)
            errors.Add($"{ParameterNames.MaxIters}: {cap} is not allowed; it must be a positive whole number.");
        return errors;
    }

    public Solution Solve(IFactorizedProblem problem, MethodParameters parameters, TrialSeed seed, CancellationToken cancellation)
    {
        var defaults = new ConvexOptions();
        var options = defaults with { MaxIterations = parameters.MaxIters ?? defaults.MaxIterations };
        if (problem is IMatrixSensingProblem sensing)
            return ConvexSensing.Solve(sensing, Objective, options, cancellation);
        if (problem is IConvexRecoverable recoverable)
            return recoverable.SolveConvex(Objective, options, cancellation);

        var theta = new double[problem.ParameterCount];
        Array.Fill(theta, double.NaN);
        return new Solution(theta, TrialStatus.Diverged, 0,
            $"{Name} does not apply to problem '{problem.Family}': it has no convex program (it implements neither IMatrixSensingProblem nor IConvexRecoverable).");
    }
}
