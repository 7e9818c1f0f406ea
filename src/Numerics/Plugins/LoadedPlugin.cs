namespace Sweeps.Numerics.Plugins;

/// <summary>One loaded plugin: who it is, where it came from, and the methods and problem families it added to the catalogs.</summary>
public sealed record LoadedPlugin(PluginIdentity Identity, string Path, IReadOnlyList<IMethod> Methods, IReadOnlyList<IProblemFamily> Problems);
