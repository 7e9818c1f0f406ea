namespace Sweeps.Grains.Sweeps;

/// <summary>
/// A .NET plugin a sweep's problem or method comes from: the assembly's name and the SHA-256 of its file when the
/// spec was loaded (part of the sweep id). A silo that has not loaded that build refuses the trials (method-error).
/// </summary>
[GenerateSerializer, Immutable, Alias("Sweeps.PluginRef")]
public sealed record PluginRef([property: Id(0)] string Name, [property: Id(1)] string Sha256)
{
    /// <summary>How the plugin enters fingerprints and change checks.</summary>
    public string Describe() => "plugin=" + Name + ";sha256=" + Sha256;
}
