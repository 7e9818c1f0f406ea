using System.Reflection;
using System.Runtime.Loader;

namespace Sweeps.Numerics.Plugins;

/// <summary>
/// The load context of one plugin: its own dependencies resolve from its folder (its .deps.json), while the
/// contract (Sweeps.Numerics) and every assembly the contract references come from the default context, so
/// <see cref="Methods.IMethod"/> and <see cref="Problems.IProblemFamily"/> are one type for the host and the plugin.
/// Not collectible: registered methods and families live as long as the process.
/// </summary>
internal sealed class PluginLoadContext(string assemblyPath) : AssemblyLoadContext("plugin " + Path.GetFileNameWithoutExtension(assemblyPath), isCollectible: false)
{
    private static readonly HashSet<string> Shared = SharedNames();

    private readonly AssemblyDependencyResolver _resolver = new(assemblyPath);

    protected override Assembly? Load(AssemblyName name)
    {
        if (name.Name is null || Shared.Contains(name.Name))
            return null; // the default context's copy
        return _resolver.ResolveAssemblyToPath(name) is { } path ? LoadFromAssemblyPath(path) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;

    private static HashSet<string> SharedNames()
    {
        var contract = typeof(PluginLoadContext).Assembly;
        return [contract.GetName().Name!, .. contract.GetReferencedAssemblies().Select(a => a.Name!)];
    }
}
