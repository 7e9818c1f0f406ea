namespace Sweeps.Client.Cli;

/// <summary>One verb of the sweeps command line.</summary>
public interface ICommand
{
    string Name { get; }

    /// <summary>One line for the overview of `sweeps --help`.</summary>
    string Summary { get; }

    /// <summary>The full usage text of `sweeps NAME --help`.</summary>
    string Usage { get; }

    /// <summary>Runs the command; returns the exit code. Throws UsageException for bad arguments.</summary>
    Task<int> RunAsync(IReadOnlyList<string> args, Terminal terminal, CancellationToken cancellation);
}
