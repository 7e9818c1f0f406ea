namespace Sweeps.Numerics.Plugins;

/// <summary>A plugin folder or assembly that cannot be loaded; the message names the file and what is wrong.</summary>
public sealed class PluginException(string message, Exception? inner = null) : Exception(message, inner);
