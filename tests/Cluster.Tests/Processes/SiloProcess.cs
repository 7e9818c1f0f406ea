using System.Globalization;

namespace Sweeps.Cluster.Tests.Processes;

/// <summary>A sweeps-silo child process on its own free ports; <see cref="WaitReadyAsync"/> polls /health/ready.</summary>
internal sealed class SiloProcess : IDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(3) };

    private SiloProcess(ChildProcess process, int httpPort)
    {
        Process = process;
        HttpPort = httpPort;
    }

    public ChildProcess Process { get; }

    public int HttpPort { get; }

    /// <summary>Starts a silo with flags (one trial at a time unless told), and any further flags given.</summary>
    public static SiloProcess Start(string name, string redis, int maxConcurrentTrials = 1, params string[] flags)
    {
        var http = FreePorts.Next();
        string[] args =
        [
            RepositoryPaths.SiloDll, "--redis", redis, "--silo-port", P(FreePorts.Next()), "--gateway-port", P(FreePorts.Next()),
            "--http-port", P(http), "--max-concurrent-trials", P(maxConcurrentTrials), .. flags,
        ];
        return new SiloProcess(ChildProcess.Start(name, "dotnet", args), http);
    }

    /// <summary>Starts a silo exactly as the container does: no arguments, settings from the environment.</summary>
    public static SiloProcess StartFromEnvironment(string name, IReadOnlyDictionary<string, string> environment) =>
        new(ChildProcess.Start(name, "dotnet", [RepositoryPaths.SiloDll], environment),
            int.Parse(environment["SWEEPS_HTTP_PORT"], CultureInfo.InvariantCulture));

    public async Task<int> GetStatusAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri($"http://127.0.0.1:{P(HttpPort)}{path}"));
        return (int)response.StatusCode;
    }

    /// <summary>The body of a GET on the silo's HTTP port (fails on a non-success status).</summary>
    public Task<string> GetTextAsync(string path) => Http.GetStringAsync(new Uri($"http://127.0.0.1:{P(HttpPort)}{path}"));

    /// <summary>
    /// Polls /health/live and /health/ready until ready; returns the distinct ready statuses seen
    /// while live answered, in order (so a silo that is still joining shows 503 before 200).
    /// </summary>
    public async Task<List<int>> WatchReadinessAsync()
    {
        var seen = new List<int>();
        await Eventually.HoldsAsync(async () =>
        {
            if (Process.HasExited) return false;
            int ready;
            try
            {
                if (await GetStatusAsync("/health/live") != 200) return false;
                ready = await GetStatusAsync("/health/ready");
            }
            catch (HttpRequestException)
            {
                return false; // not listening yet
            }
            if (seen.Count == 0 || seen[^1] != ready) seen.Add(ready);
            return ready == 200;
        }, TimeSpan.FromSeconds(60), () => $"{Process.Name} becomes ready (statuses seen: {string.Join(", ", seen)}). Output:\n{Process.Tail()}", TimeSpan.FromMilliseconds(20));
        return seen;
    }

    public Task WaitReadyAsync() => Eventually.HoldsAsync(
        async () => !Process.HasExited && await GetStatusAsync("/health/ready") == 200, TimeSpan.FromSeconds(60),
        () => $"{Process.Name} answers 200 on /health/ready (exited: {Process.HasExited}). Output:\n{Process.Tail()}", TimeSpan.FromMilliseconds(250));

    public void Dispose() => Process.Dispose();

    private static string P(int value) => value.ToString(CultureInfo.InvariantCulture);
}
