namespace Sweeps.Numerics.Problems;

/// <summary>
/// The skeleton every family shares: <see cref="Validate"/> collects the family's messages from <see cref="Check"/>
/// and rejects every optional parameter it was given but does not declare in <see cref="Parameters"/>;
/// and <see cref="Sample"/> refuses invalid parameters (one <see cref="ArgumentException"/> with every message)
/// before <see cref="Draw"/> sees them, so Draw may rely on validated parameters.
/// </summary>
public abstract class ProblemFamily(string name, IReadOnlyList<string> parameters) : IProblemFamily
{
    public string Name { get; } = name;

    public IReadOnlyList<string> Parameters { get; } = parameters;

    public IReadOnlyList<string> Validate(TrialParameters parameters)
    {
        var errors = new List<string>();
        Check(errors, parameters);
        foreach (var definition in ParameterTable.All.Where(p => p.Role == ParameterRole.Problem && p.Optional && !Parameters.Contains(p.Name)))
        {
            if (definition.Read(parameters) is { } value)
                errors.Add($"{definition.Name}: {value} does not apply to {Name}; remove it.");
        }
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
