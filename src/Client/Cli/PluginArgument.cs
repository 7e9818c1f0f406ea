using Sweeps.Numerics.Plugins;

namespace Sweeps.Client.Cli;

/// <summary>
/// <c>--plugins DIR</c>, taken by every command (else <c>SWEEPS_PLUGINS</c>): the folder whose .NET plugins are
/// loaded into the catalogs before the command reads its arguments, so the embedded silo runs their trials too.
/// </summary>
internal static class PluginArgument
{
    public const string Option = "--plugins";

    /// <summary>Loads the plugins named by the option or the variable and returns the arguments without the option.</summary>
    public static string[] LoadAndStrip(string[] args)
    {
        // Only before "--": what follows is an external method's command line (sweeps trial).
        var end = Array.IndexOf(args, "--") is var separator and >= 0 ? separator : args.Length;
        var at = Array.FindIndex(args, 0, end, a => a == Option || a.StartsWith(Option + "=", StringComparison.Ordinal));
        string? folder;
        var rest = args;
        if (at < 0)
            folder = Environment.GetEnvironmentVariable(PluginRegistry.Variable) is { Length: > 0 } v ? v : null;
        else if (args[at].Length > Option.Length)
        {
            folder = args[at][(Option.Length + 1)..];
            rest = [.. args[..at], .. args[(at + 1)..]];
        }
        else if (at + 1 < args.Length)
        {
            folder = args[at + 1];
            rest = [.. args[..at], .. args[(at + 2)..]];
        }
        else
            throw new UsageException($"{Option}: a value is required (the folder holding the plugin assemblies).");
        if (folder is not null)
            PluginRegistry.LoadFolder(folder);
        return rest;
    }
}
