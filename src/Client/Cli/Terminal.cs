namespace Sweeps.Client.Cli;

/// <summary>Where a command writes: results to Out, diagnostics and progress to Error. Tests pass string writers.</summary>
public sealed record Terminal(TextWriter Out, TextWriter Error, bool ErrorIsInteractive)
{
    public static Terminal Console { get; } = new(System.Console.Out, System.Console.Error, !System.Console.IsErrorRedirected);
}
