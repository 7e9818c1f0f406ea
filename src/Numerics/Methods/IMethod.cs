namespace Sweeps.Numerics.Methods;

/// <summary>
/// A way to pick a minimizer (docs/SCIENCE.md section 3). A method never throws for a hard instance:
/// it reports <see cref="TrialStatus.Diverged"/> or <see cref="TrialStatus.IterationLimit"/>.
/// Its randomness comes only from the trial seed's Init and Algorithm streams.
/// </summary>
public interface IMethod
{
    /// <summary>The spec name, e.g. flat-penalty.</summary>
    string Name { get; }

    /// <summary>The method parameters it takes (<see cref="ParameterTable"/> names), in the order its messages list them.</summary>
    IReadOnlyList<string> Parameters { get; }

    /// <summary>Problems in the method parameters (field, value, what is allowed); empty when valid.</summary>
    IReadOnlyList<string> Validate(MethodParameters parameters);

    Solution Solve(IFactorizedProblem problem, MethodParameters parameters, TrialSeed seed, CancellationToken cancellation);
}
