using Sweeps.Grains.Sweeps;
using Sweeps.Numerics.Plugins;

namespace Sweeps.Grains.Placement;

/// <summary>
/// Trial placement by plugin (issue #16): each silo publishes the plugin builds it loaded as silo metadata, a cell
/// grain sends the builds a trial needs in the request context of its first call, and
/// <see cref="RoundRobinPlacementDirector"/> places the trial only on silos offering all of them (on any silo when none
/// does, where the trial is refused as method-error naming the plugin). Both sides are "Name@sha256" joined by ';'.
/// </summary>
public static class PluginPlacement
{
    /// <summary>The silo metadata and request context key.</summary>
    public const string Key = "sweeps.plugins";

    /// <summary>What a silo offers: the builds loaded in this process.</summary>
    public static string Offered(IEnumerable<PluginIdentity> loaded) => Join(loaded.Select(p => (p.Name, p.Sha256)));

    /// <summary>What a trial needs, or null for built-ins only.</summary>
    public static string? Needed(TrialWork work) => work.Plugins.Any() ? Join(work.Plugins.Select(p => (p.Name, p.Sha256))) : null;

    /// <summary>Whether a silo offering <paramref name="offered"/> has every build in <paramref name="needed"/>.</summary>
    public static bool Offers(string? offered, string needed) =>
        offered is not null && needed.Split(';').All(offered.Split(';').Contains);

    private static string Join(IEnumerable<(string Name, string Sha256)> plugins) =>
        string.Join(';', plugins.Select(p => p.Name + "@" + p.Sha256).Distinct().Order(StringComparer.Ordinal));
}
