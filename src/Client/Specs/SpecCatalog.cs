using Sweeps.Numerics;
using Sweeps.Numerics.Methods;
using Sweeps.Numerics.Problems;
using Sweeps.Numerics.Trials;

namespace Sweeps.Client.Specs;

/// <summary>
/// What the spec loader checks names and cells against: the known problems and methods, the
/// per-trial validation and the validation of a method's own parameters. <see cref="Default"/> is the
/// Numerics catalogs, <see cref="TrialValidation.Validate"/> and each method's Validate; tests may supply their own.
/// </summary>
public sealed record SpecCatalog(
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> Methods,
    Func<TrialParameters, IReadOnlyList<string>> ValidateTrial)
{
    /// <summary>Built each time: plugins may have added names since the last spec.</summary>
    public static SpecCatalog Default => new(Catalogs.Problems.Names, Catalogs.Methods.Names, TrialValidation.Validate);

    /// <summary>Problems in a known method's parameters (each message starts with the parameter name); the methods' own Validate by default.</summary>
    public Func<string, MethodParameters, IReadOnlyList<string>> ValidateMethod { get; init; } =
        (method, parameters) => Catalogs.Methods.Get(method).Validate(parameters);

    /// <summary>The method parameters a known method takes, in <see cref="ParameterNames.Method"/> order: those the method declares by default.</summary>
    public Func<string, IReadOnlyList<string>> ParametersOf { get; init; } =
        method => [.. ParameterNames.Method.Where(Catalogs.Methods.Get(method).Parameters.Contains)];
}
