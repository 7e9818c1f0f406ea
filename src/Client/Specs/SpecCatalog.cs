using Sweeps.Numerics.Methods;
using Sweeps.Numerics.Problems;
using Sweeps.Numerics.Trials;

namespace Sweeps.Client.Specs;

/// <summary>
/// What the spec loader checks names and cells against: the known problems and methods and the
/// per-trial validation. <see cref="Default"/> is the Numerics catalogs and
/// <see cref="TrialValidation.Validate"/>; tests may supply their own.
/// </summary>
public sealed record SpecCatalog(
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> Methods,
    Func<TrialParameters, IReadOnlyList<string>> ValidateTrial)
{
    public static SpecCatalog Default { get; } = new(ProblemCatalog.Names, MethodCatalog.Names, TrialValidation.Validate);
}
