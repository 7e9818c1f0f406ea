using Sweeps.Numerics.Random;
using Sweeps.Numerics.Trials;

namespace Sweeps.Numerics.Problems;

/// <summary>
/// The skeleton every family shares: <see cref="Validate"/> collects the family's messages from <see cref="Check"/>,
/// and <see cref="Sample"/> refuses invalid parameters (one <see cref="ArgumentException"/> with every message)
/// before <see cref="Draw"/> sees them, so Draw may rely on validated parameters.
/// </summary>
public abstract class ProblemFamily(string name) : IProblemFamily
{
    public string Name { get; } = name;

    public IReadOnlyList<string> Validate(TrialParameters parameters)
    {
        var errors = new List<string>();
        Check(errors, parameters);
        return errors;
    }

    public IFactorizedProblem Sample(TrialParameters parameters, TrialSeed seed)
    {
        var errors = Validate(parameters);
        if (errors.Count > 0)
            throw new ArgumentException(string.Join(Environment.NewLine, errors), nameof(parameters));
        return Draw(parameters, seed);
    }

    /// <summary>Adds one message per bad field (field, value, what is allowed).</summary>
    protected abstract void Check(List<string> errors, TrialParameters parameters);

    /// <summary>Draws the instance of validated parameters from the seed's Truth, Measurements and Noise streams.</summary>
    protected abstract IFactorizedProblem Draw(TrialParameters parameters, TrialSeed seed);
}
