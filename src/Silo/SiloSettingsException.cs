namespace Sweeps.Silo;

/// <summary>A bad flag or environment variable; the message names it and what is allowed (exit code 2).</summary>
internal sealed class SiloSettingsException(string message) : Exception(message);
