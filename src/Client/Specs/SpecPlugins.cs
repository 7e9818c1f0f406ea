using Sweeps.Grains.Sweeps;
using Sweeps.Numerics.Plugins;

namespace Sweeps.Client.Specs;

/// <summary>
/// The .NET plugins a spec uses (its problem's and its methods'), checked against a <c>plugins:</c> map the spec
/// pins: a pinned build must be the loaded one, so a spec.yaml written with one build never runs with another.
/// </summary>
internal static class SpecPlugins
{
    public static void Resolve(SpecDraft draft, List<string> errors)
    {
        var used = new List<PluginIdentity?> { draft.Problem is { } p ? PluginRegistry.OfProblem(p) : null };
        // An external problem's methods are names its command interprets, never a plugin's.
        if (draft.ProblemCommand is null)
            used.AddRange(draft.Methods.Where(m => m.Command is null).Select(m => PluginRegistry.OfMethod(m.Name)));
        draft.Plugins.AddRange(used.OfType<PluginIdentity>().Distinct().OrderBy(i => i.Name, StringComparer.Ordinal));
        foreach (var (name, hash) in draft.PinnedPlugins)
        {
            if (PluginRegistry.Loaded.All(p => p.Identity.Name != name))
                errors.Add($"plugins.{name}: not loaded; give --plugins DIR (or {PluginRegistry.Variable}) with the folder holding {name}.dll.");
            else if (draft.Plugins.FirstOrDefault(i => i.Name == name) is not { } loaded)
                errors.Add($"plugins.{name}: the spec uses no problem or method of it; the plugins it uses: {(draft.Plugins.Count == 0 ? "none" : string.Join(", ", draft.Plugins.Select(i => i.Name)))}.");
            else if (loaded.Sha256 != hash)
                errors.Add($"plugins.{name}: the spec was written for sha256 {hash[..12]}, the loaded build is {loaded.Sha256[..12]}; load that build or leave the entry out for a new sweep.");
        }
    }

    public static PluginRef? Ref(PluginIdentity? identity) => identity is null ? null : new PluginRef(identity.Name, identity.Sha256);
}
