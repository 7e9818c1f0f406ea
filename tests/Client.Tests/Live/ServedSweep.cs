using System.Text.RegularExpressions;
using Sweeps.Client.Cli;
using Sweeps.Client.Commands;

namespace Sweeps.Client.Tests.Live;

/// <summary>
/// `sweeps run SPEC --serve 127.0.0.1:0 --max-concurrent-trials 1` in this process (embedded silo,
/// SQLite in a temporary folder), stopped by cancellation as Ctrl+C would. <see cref="Address"/> is the
/// page's base address as the command printed it.
/// </summary>
internal sealed partial class ServedSweep : IAsyncDisposable
{
    /// <summary>24 cells x 2 methods (one with its own alpha) x 5 trials: a few seconds on one slot, so a test sees it run.</summary>
    public const string Spec = """
        name: live-api
        problem: symmetric-sensing
        fixed: { d: 8, k: 8 }
        axes:
          r: [1, 2, 3]
          m: { from: 8, to: 36, step: 4 }
        methods: [flat-convex, { name: gd-random-init, alpha: [0.5] }]
        trials: 5
        success: { tolerance: 1.0e-3 }
        seed: 5
        """;

    public const string SweepId = "live-api";

    private readonly CancellationTokenSource _stop = new();
    private readonly StringWriter _error = new();
    private readonly TextWriter _synchronizedError;
    private readonly Task<int> _run;

    public string Root { get; } = Directory.CreateTempSubdirectory("sweeps-live-").FullName;

    public string Output => Path.Combine(Root, "out");

    public Uri Address { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    private ServedSweep(string spec)
    {
        File.WriteAllText(Path.Combine(Root, "spec.yaml"), spec);
        _synchronizedError = TextWriter.Synchronized(_error);
        var terminal = new Terminal(TextWriter.Null, _synchronizedError, false);
        _run = Task.Run(() => new RunCommand().RunAsync(
            [Path.Combine(Root, "spec.yaml"), "--out", Output, "--serve", "127.0.0.1:0", "--max-concurrent-trials", "1"], terminal, _stop.Token));
    }

    public string ErrorText
    {
        get
        {
            lock (_synchronizedError)
                return _error.ToString();
        }
    }

    public static async Task<ServedSweep> StartAsync(string spec = Spec)
    {
        var served = new ServedSweep(spec);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (LivePage().Match(served.ErrorText) is not { Success: true } match)
        {
            if (served._run.IsCompleted || DateTime.UtcNow > deadline)
                throw new InvalidOperationException($"no live page address printed: {served.ErrorText}");
            await Task.Delay(50);
        }
        served.Address = new Uri(LivePage().Match(served.ErrorText).Groups[1].Value);
        return served;
    }

    /// <summary>Waits until the command says the sweep finished and the page stays up.</summary>
    public async Task WaitForCompletionAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!ErrorText.Contains("live page still at", StringComparison.Ordinal))
        {
            if (_run.IsCompleted || DateTime.UtcNow > deadline)
                throw new TimeoutException($"the sweep did not finish: {ErrorText}");
            await Task.Delay(100);
        }
    }

    /// <summary>Stops the command as Ctrl+C does; returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return await _run.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_run.IsCompleted)
            await StopAsync();
        Http.Dispose();
        _stop.Dispose();
        Directory.Delete(Root, recursive: true);
    }

    [GeneratedRegex(@"live page: (http://[0-9.:]+)/live/")]
    private static partial Regex LivePage();
}
