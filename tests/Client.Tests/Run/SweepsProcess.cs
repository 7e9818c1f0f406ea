using System.Diagnostics;

namespace Sweeps.Client.Tests.Run;

/// <summary>The sweeps CLI as a real child process (the build copies sweeps.dll next to the tests).</summary>
internal static class SweepsProcess
{
    private static string Dll => Path.Combine(AppContext.BaseDirectory, "sweeps.dll");

    public static Process Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    /// <summary>Starts it with extra environment variables.</summary>
    public static Process Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) info.Environment[name] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
        // Drain both pipes so a chatty child never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Runs to the end with extra environment variables; returns the exit code and stdout followed by stderr.</summary>
    public static (int ExitCode, string Output) RunWithOutput(TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var (code, output, error) = Execute(timeout, environment, args);
        return (code, output + error);
    }

    /// <summary>Runs to the end; returns the exit code and stderr.</summary>
    public static (int ExitCode, string Error) Run(TimeSpan timeout, params string[] args) =>
        Run(timeout, new Dictionary<string, string>(), args);

    /// <summary>Runs to the end with extra environment variables; returns the exit code and stderr.</summary>
    public static (int ExitCode, string Error) Run(TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var (code, _, error) = Execute(timeout, environment, args);
        return (code, error);
    }

    private static (int ExitCode, string Output, string Error) Execute(TimeSpan timeout, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) info.Environment[name] = value;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"sweeps {string.Join(' ', args)} did not finish within {timeout}.");
        }
        return (process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }
}
