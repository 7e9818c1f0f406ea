using System.Collections.Immutable;

namespace Sweeps.Grains.Sweeps;

/// <summary>
/// The cluster's list of sweeps (one grain, key <see cref="GrainKeys.Registry"/>): each sweep id
/// with the normalized spec text it was last submitted with, so a client can list sweeps and
/// export one without the original spec file.
/// </summary>
[Alias("Sweeps.ISweepRegistryGrain")]
public interface ISweepRegistryGrain : IGrainWithStringKey
{
    /// <summary>Records (or replaces, after an extension) the spec text of a started sweep.</summary>
    [Alias("Register")]
    Task Register(string sweepId, string specText);

    /// <summary>The spec text the sweep was last submitted with, or null for an unknown id.</summary>
    [Alias("GetSpecText")]
    Task<string?> GetSpecText(string sweepId);

    /// <summary>Every registered sweep id, in order of first registration.</summary>
    [Alias("List")]
    Task<ImmutableArray<string>> List();
}
