namespace Sweeps.Numerics.Methods;

/// <summary>
/// The skeleton of the built-in methods: the spec name, the method parameters it takes, and their validation by
/// <see cref="MethodParameterRules"/> (each value in range, none it does not take).
/// </summary>
public abstract class Method(string name, IReadOnlyList<string> parameters) : IMethod
{
    public string Name { get; } = name;

    public IReadOnlyList<string> Parameters { get; } = parameters;

    public IReadOnlyList<string> Validate(MethodParameters parameters) => MethodParameterRules.Validate(this, parameters);

    public abstract Solution Solve(IFactorizedProblem problem, MethodParameters parameters, TrialSeed seed, CancellationToken cancellation);
}
