using Sweeps.Numerics.External;

namespace Sweeps.Grains.Sweeps;

/// <summary>The numerical core's view of a sweep's external-method command.</summary>
public static class MethodCommands
{
    public static ExternalCommand ToExternal(this MethodCommand command) => new([.. command.Command], command.TimeoutSeconds, command.Sha256);

    public static Numerics.Plugins.PluginIdentity ToIdentity(this PluginRef plugin) => new(plugin.Name, plugin.Sha256);
}
