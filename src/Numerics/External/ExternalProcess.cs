using System.Diagnostics;
using System.Text;

namespace Sweeps.Numerics.External;

/// <summary>How an external command ended: its exit code (null when it was killed at its time limit) and the tails of its output.</summary>
public sealed record ProcessOutcome(int? ExitCode, string StandardOutput, string StandardError)
{
    public bool TimedOut => ExitCode is null;

    /// <summary>The last line of standard error (else of standard output), for a reason text; empty when both are empty.</summary>
    public string LastWords
    {
        get
        {
            var text = StandardError.Trim().Length > 0 ? StandardError : StandardOutput;
            var last = text.TrimEnd().Split('\n').LastOrDefault()?.Trim() ?? "";
            return last.Length > 300 ? last[..300] + "..." : last;
        }
    }
}

/// <summary>
/// Runs a command with a wall-clock limit. The process and all its descendants are killed when the limit
/// passes or <c>cancellation</c> fires (then <see cref="OperationCanceledException"/> is thrown); standard input
/// is closed, standard output and error are drained (their last <see cref="TailLength"/> characters kept), so a
/// chatty or silent process can neither block nor fill memory.
/// </summary>
public static class ExternalProcess
{
    public const int TailLength = 4096;

    /// <summary>
    /// Runs an external method's or problem's command on its trial folder (appended as the last argument) and says why it
    /// failed: could not start or non-zero exit (method-error), past its timeout (timeout); null when it exited 0.
    /// </summary>
    public static (TrialStatus Status, string Reason)? RunOn(ExternalCommand command, string folder, CancellationToken cancellation)
    {
        ProcessOutcome outcome;
        try
        {
            outcome = Run([.. command.Command, folder], folder, TimeSpan.FromSeconds(command.TimeoutSeconds), cancellation);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (TrialStatus.MethodError, $"{command.Command[0]} could not start: {e.Message}");
        }
        var said = outcome.LastWords is { Length: > 0 } words ? $": {words}" : "";
        if (outcome.TimedOut)
            return (TrialStatus.Timeout, $"killed after the timeout of {command.TimeoutSeconds:G} s{said}");
        return outcome.ExitCode != 0 ? (TrialStatus.MethodError, $"exit code {outcome.ExitCode}{said}") : null;
    }

    public static ProcessOutcome Run(IReadOnlyList<string> command, string workingDirectory, TimeSpan timeout, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in command.Skip(1))
            start.ArgumentList.Add(argument);

        cancellation.ThrowIfCancellationRequested();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{command[0]}: the process did not start.");
        process.StandardInput.Close();
        var output = TailAsync(process.StandardOutput);
        var error = TailAsync(process.StandardError);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        limit.CancelAfter(timeout);
        var exited = true;
        try
        {
            process.WaitForExitAsync(limit.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            exited = false;
            Kill(process);
        }
        // Descendants that outlive the command would hold its pipes open: wait a little, then give up on them.
        Task.WaitAll([output, error], TimeSpan.FromSeconds(5));
        cancellation.ThrowIfCancellationRequested();
        return new ProcessOutcome(exited ? process.ExitCode : null, Result(output), Result(error));
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private static string Result(Task<string> tail) => tail.IsCompletedSuccessfully ? tail.Result : "";

    private static async Task<string> TailAsync(StreamReader reader)
    {
        var tail = new StringBuilder();
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            tail.Append(buffer, 0, read);
            if (tail.Length > 2 * TailLength)
                tail.Remove(0, tail.Length - TailLength);
        }
        return tail.Length > TailLength ? tail.ToString(tail.Length - TailLength, TailLength) : tail.ToString();
    }
}
