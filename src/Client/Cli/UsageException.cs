namespace Sweeps.Client.Cli;

/// <summary>Bad command-line input: the message names the argument and what is allowed. Exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
