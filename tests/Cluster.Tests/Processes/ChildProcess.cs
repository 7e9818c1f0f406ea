using System.Collections.Concurrent;
using System.Diagnostics;

namespace Sweeps.Cluster.Tests.Processes;

/// <summary>
/// A child process of a test: output captured (for failure messages), stopped with SIGTERM or
/// SIGKILL, and always killed on dispose, so a failing test leaves nothing running.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Everything the process printed so far (stdout and stderr interleaved).</summary>
    public string Output => string.Join("\n", _output);

    public static ChildProcess Start(string name, string fileName, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        // The settings under test come only from what the scenario passes.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("SWEEPS_", StringComparison.Ordinal)).ToList())
            info.Environment.Remove(key);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            info.Environment[key] = value;
        var process = new Process { StartInfo = info };
        var child = new ChildProcess(name, process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) child._output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) child._output.Enqueue(e.Data); };
        process.Start();
        if (Environment.GetEnvironmentVariable("SWEEPS_TEST_LOGS") is { Length: > 0 } logs)
            child.TeeTo(Path.Combine(Directory.CreateDirectory(logs).FullName, $"{DateTime.Now:HHmmss}-{name.Replace(' ', '-')}-{process.Id}.log"));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Also appends every line to <paramref name="path"/> (set SWEEPS_TEST_LOGS=DIR to keep the logs of a run).</summary>
    private void TeeTo(string path)
    {
        var gate = new object();
        void Append(object? _, DataReceivedEventArgs e)
        {
            if (e.Data is null) return;
            lock (gate) File.AppendAllText(path, e.Data + "\n");
        }
        _process.OutputDataReceived += Append;
        _process.ErrorDataReceived += Append;
    }

    /// <summary>Waits for the process to exit; fails with its output when it has not within <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} did not exit within {timeout.TotalSeconds:F0} s. Output:\n{Tail()}");
        }
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the process dies at once, with no chance to clean up.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
    }

    /// <summary>SIGTERM, then waits (bounded) for a graceful exit.</summary>
    public async Task TerminateAsync(TimeSpan timeout)
    {
        if (_process.HasExited)
            return;
        await SignalAsync("TERM");
        await WaitForExitAsync(timeout);
    }

    /// <summary>Sends a signal by name (TERM, STOP, CONT) with kill(1).</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>The last lines of the output, for failure messages.</summary>
    public string Tail(int lines = 40) => string.Join("\n", _output.TakeLast(lines));

    public void Dispose()
    {
        try
        {
            Kill();
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
        _process.Dispose();
    }
}
