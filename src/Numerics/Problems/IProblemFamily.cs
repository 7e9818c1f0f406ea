namespace Sweeps.Numerics.Problems;

/// <summary>A problem family: declares its parameters, validates them, and samples instances.</summary>
public interface IProblemFamily
{
    /// <summary>The spec value of <c>problem</c>, e.g. symmetric-sensing.</summary>
    string Name { get; }

    /// <summary>The problem parameters it takes (<see cref="ParameterTable"/> names); an optional one it does not take is an error when given.</summary>
    IReadOnlyList<string> Parameters { get; }

    /// <summary>
    /// Problems in the parameters, one message per problem, each naming the field, its value and
    /// what is allowed (empty when valid). Called before any work starts.
    /// </summary>
    IReadOnlyList<string> Validate(TrialParameters parameters);

    /// <summary>Draws the instance of a trial from its seed's Truth, Measurements and Noise streams.</summary>
    IFactorizedProblem Sample(TrialParameters parameters, TrialSeed seed);
}
