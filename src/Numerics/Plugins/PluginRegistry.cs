using System.Reflection;
using System.Security.Cryptography;

namespace Sweeps.Numerics.Plugins;

/// <summary>
/// The .NET plugins of this process (README "Bring your own method"): each assembly implementing the public
/// <see cref="IMethod"/> / <see cref="IProblemFamily"/> contracts is loaded in its own <see cref="PluginLoadContext"/>,
/// and its methods and families (public, non-abstract, with a parameterless constructor) join
/// <see cref="Catalogs"/>. The CLI and the silo load them from <c>--plugins DIR</c> or <c>SWEEPS_PLUGINS</c> before any work.
/// </summary>
public static class PluginRegistry
{
    /// <summary>The environment variable naming the plugin folder when <c>--plugins</c> is not given.</summary>
    public const string Variable = "SWEEPS_PLUGINS";

    private static readonly Lock Gate = new();
    private static readonly List<LoadedPlugin> LoadedPlugins = [];

    public static IReadOnlyList<LoadedPlugin> Loaded
    {
        get
        {
            lock (Gate)
                return [.. LoadedPlugins];
        }
    }

    /// <summary>
    /// Loads the plugins of <paramref name="folder"/>: every <c>*.dll</c> directly in it, and every subfolder
    /// <c>NAME/</c> holding <c>NAME.dll</c> (a build output, its dependencies beside it). A plugin already loaded
    /// (same name and hash) is skipped; a different build of a loaded name, a name clash or an assembly without
    /// methods or families throws <see cref="PluginException"/> naming the file.
    /// </summary>
    public static IReadOnlyList<LoadedPlugin> LoadFolder(string folder)
    {
        if (!Directory.Exists(folder))
            throw new PluginException($"plugins: '{folder}' is not a folder; give the folder that holds the plugin assemblies.");
        var files = Directory.GetFiles(folder, "*.dll")
            .Concat(Directory.GetDirectories(folder).Select(d => Path.Combine(d, Path.GetFileName(d) + ".dll")).Where(File.Exists))
            .Order(StringComparer.Ordinal);
        return [.. files.Select(f => Load(Path.GetFullPath(f)))];
    }

    /// <summary>
    /// The folder to give <c>--plugins</c> for a loaded plugin that provides <paramref name="method"/> or
    /// <paramref name="problem"/> (the parent of a <c>NAME/NAME.dll</c> build output), or null when built-ins do.
    /// </summary>
    public static string? FolderProviding(string method, string problem)
    {
        var plugin = Loaded.FirstOrDefault(p => p.Methods.Any(m => m.Name == method) || p.Problems.Any(f => f.Name == problem));
        if (plugin is null) return null;
        var folder = System.IO.Path.GetDirectoryName(plugin.Path)!;
        return System.IO.Path.GetFileName(folder) == plugin.Identity.Name ? System.IO.Path.GetDirectoryName(folder) : folder;
    }

    /// <summary>Loads one plugin assembly (see <see cref="LoadFolder"/>).</summary>
    public static LoadedPlugin Load(string assemblyPath)
    {
        var identity = new PluginIdentity(Path.GetFileNameWithoutExtension(assemblyPath), Hash(assemblyPath));
        lock (Gate)
        {
            if (LoadedPlugins.FirstOrDefault(p => p.Identity.Name == identity.Name) is { } existing)
                return existing.Identity == identity
                    ? existing
                    : throw new PluginException($"plugins: {assemblyPath} is {identity}, but {existing.Identity} from {existing.Path} is already loaded; load one build of a plugin.");
            Assembly assembly;
            try
            {
                assembly = new PluginLoadContext(assemblyPath).LoadFromAssemblyPath(assemblyPath);
            }
            catch (Exception e) when (e is BadImageFormatException or FileLoadException)
            {
                throw new PluginException($"plugins: {assemblyPath} is not a .NET assembly ({e.Message}).", e);
            }
            var methods = Instances<IMethod>(assembly, assemblyPath);
            var problems = Instances<IProblemFamily>(assembly, assemblyPath);
            if (methods.Count + problems.Count == 0)
                throw new PluginException($"plugins: {assemblyPath} has no public {nameof(IMethod)} or {nameof(IProblemFamily)} with a parameterless constructor.");
            foreach (var clash in methods.Select(m => m.Name).Where(Catalogs.Methods.Names.Contains))
                throw new PluginException($"plugins: {assemblyPath}: method '{clash}' is already a method ({string.Join(", ", Catalogs.Methods.Names)}); give it a name of its own.");
            foreach (var clash in problems.Select(p => p.Name).Where(Catalogs.Problems.Names.Contains))
                throw new PluginException($"plugins: {assemblyPath}: problem '{clash}' is already a problem ({string.Join(", ", Catalogs.Problems.Names)}); give it a name of its own.");
            foreach (var method in methods)
                Catalogs.Methods.Register(method);
            foreach (var problem in problems)
                Catalogs.Problems.Register(problem);
            var plugin = new LoadedPlugin(identity, assemblyPath, methods, problems);
            LoadedPlugins.Add(plugin);
            return plugin;
        }
    }

    /// <summary>The plugin that provides method <paramref name="name"/>, or null for a built-in (or unknown) method.</summary>
    public static PluginIdentity? OfMethod(string name) => Loaded.FirstOrDefault(p => p.Methods.Any(m => m.Name == name))?.Identity;

    /// <summary>The plugin that provides problem <paramref name="name"/>, or null for a built-in (or unknown) problem.</summary>
    public static PluginIdentity? OfProblem(string name) => Loaded.FirstOrDefault(p => p.Problems.Any(f => f.Name == name))?.Identity;

    /// <summary>
    /// Why this process cannot run a trial that needs <paramref name="needed"/> (a plugin not loaded, or loaded in
    /// another build), naming the plugin; null when every one is loaded as the sweep was submitted with.
    /// </summary>
    public static string? Refusal(IEnumerable<PluginIdentity> needed)
    {
        var loaded = Loaded;
        foreach (var plugin in needed)
        {
            var here = loaded.FirstOrDefault(p => p.Identity.Name == plugin.Name)?.Identity;
            if (here is null)
                return $"plugin {plugin} is not loaded in this process ({Environment.MachineName}); give it --plugins DIR or {Variable} with the plugin's folder.";
            if (here.Sha256 != plugin.Sha256)
                return $"plugin {plugin.Name} here is sha256 {here.Sha256[..12]}, the sweep was submitted with {plugin.Sha256[..12]}; load the same build everywhere.";
        }
        return null;
    }

    /// <summary>The lowercase hex SHA-256 of a plugin file, as <c>sha256sum</c> prints it.</summary>
    public static string Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static List<T> Instances<T>(Assembly assembly, string path)
    {
        Type[] types;
        try
        {
            types = assembly.GetExportedTypes();
        }
        catch (Exception e) when (e is ReflectionTypeLoadException or FileNotFoundException or FileLoadException)
        {
            throw new PluginException($"plugins: {path}: its types cannot be loaded ({e.Message}); build it against this Sweeps.Numerics.", e);
        }
        return [.. types
            .Where(t => typeof(T).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false } && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (T)Activator.CreateInstance(t)!)];
    }
}
