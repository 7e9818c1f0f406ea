namespace Sweeps.Numerics.Plugins;

/// <summary>
/// A .NET plugin as a sweep depends on it: its assembly's simple name and the SHA-256 of the assembly file
/// (lowercase hex, as <c>sha256sum</c> prints it). Part of the sweep id, so a rebuilt plugin makes a new sweep.
/// </summary>
public sealed record PluginIdentity(string Name, string Sha256)
{
    public override string ToString() => $"{Name} (sha256 {Sha256[..Math.Min(12, Sha256.Length)]})";
}
