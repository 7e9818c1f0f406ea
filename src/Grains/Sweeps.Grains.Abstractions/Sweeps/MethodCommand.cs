using System.Collections.Immutable;

namespace Sweeps.Grains.Sweeps;

/// <summary>
/// The command of an external method (a spec's <c>{ name: my-sgd, command: [python3, my_sgd.py], timeout: 60 }</c>,
/// docs/EXTERNAL.md): the command line with its script paths made absolute, the per-trial timeout in seconds,
/// and the SHA-256 of its script files when the spec was loaded (part of the sweep id; a silo refuses to run
/// scripts that no longer match it).
/// </summary>
[GenerateSerializer, Immutable, Alias("Sweeps.MethodCommand")]
public sealed record MethodCommand(
    [property: Id(0)] ImmutableArray<string> Command,
    [property: Id(1)] double TimeoutSeconds,
    [property: Id(2)] string Sha256)
{
    /// <summary>How the command enters fingerprints and change checks.</summary>
    public string Describe() =>
        "command=[" + string.Join(' ', Command) + "];timeout=" + TimeoutSeconds.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + ";sha256=" + Sha256;
}
