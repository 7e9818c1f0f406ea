using Sweeps.Cluster.Tests.Processes;
using Sweeps.Grains.Sweeps;
using Sweeps.Hosting.Cluster;

namespace Sweeps.Cluster.Tests.Scenarios;

/// <summary>
/// One scenario's cluster: its own Redis, silo and client processes, a monitoring connection (an
/// Orleans client in the test process) and a temporary folder. Disposing kills every process.
/// </summary>
internal sealed class ClusterHarness : IAsyncDisposable
{
    public static readonly TimeSpan SweepTimeout = TimeSpan.FromSeconds(150);

    private readonly List<SiloProcess> _silos = [];
    private readonly List<ChildProcess> _clients = [];
    private ClusterConnection? _monitor;

    private ClusterHarness(string folder)
    {
        Folder = folder;
        Redis = new RedisServer(Path.Combine(folder, "redis"));
    }

    public string Folder { get; }

    public RedisServer Redis { get; }

    public IReadOnlyList<SiloProcess> Silos => _silos;

    public static async Task<ClusterHarness> StartAsync(int silos)
    {
        var harness = new ClusterHarness(Directory.CreateTempSubdirectory("sweeps-cluster-").FullName);
        try
        {
            await harness.Redis.StartAsync();
            await harness.StartSilosAsync(silos);
            // Connected before any client starts, so progress is watched from the sweep's first moment.
            await harness.ConnectMonitorAsync();
            return harness;
        }
        catch
        {
            await harness.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts <paramref name="count"/> silos (one trial at a time each) and waits until all are ready.</summary>
    public async Task StartSilosAsync(int count)
    {
        var started = Enumerable.Range(0, count).Select(i => SiloProcess.Start($"silo {_silos.Count + i}", Redis.Connection)).ToList();
        _silos.AddRange(started);
        await Task.WhenAll(started.Select(s => s.WaitReadyAsync()));
    }

    /// <summary>Starts one more silo (one trial at a time) without waiting for it: a supervisor's restart.</summary>
    public SiloProcess StartSilo(string name)
    {
        var silo = SiloProcess.Start(name, Redis.Connection);
        _silos.Add(silo);
        return silo;
    }

    /// <summary>Starts one more silo with <paramref name="flags"/> and waits until it is ready.</summary>
    public async Task<SiloProcess> StartSiloAsync(string name, params string[] flags)
    {
        var silo = SiloProcess.Start(name, Redis.Connection, 1, flags);
        _silos.Add(silo);
        await silo.WaitReadyAsync();
        return silo;
    }

    /// <summary>Writes the spec to the scenario folder and starts `sweeps run SPEC --cluster ... --out DIR` (and any further arguments).</summary>
    public ChildProcess StartClient(string specText, string output, params string[] arguments)
    {
        var spec = Path.Combine(Folder, "spec.yaml");
        File.WriteAllText(spec, specText);
        var client = ChildProcess.Start("sweeps run --cluster", "dotnet",
            [RepositoryPaths.ClientDll, "run", spec, "--cluster", Redis.Connection, "--out", OutputPath(output), .. arguments]);
        _clients.Add(client);
        return client;
    }

    public string OutputPath(string name) => Path.Combine(Folder, name);

    /// <summary>Runs a client to the end and fails with its output unless it exits 0.</summary>
    public async Task RunClientToEndAsync(ChildProcess client, TimeSpan? timeout = null)
    {
        int code;
        try
        {
            code = await client.WaitForExitAsync(timeout ?? SweepTimeout);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\n--- silos ---\n{SiloTails()}", e);
        }
        Assert.True(code == 0, $"{client.Name} exited {code}:\n{client.Tail()}\n--- silos ---\n{SiloTails()}");
    }

    public async Task<SweepProgress> ProgressAsync(string sweepId = Specs.SweepId)
    {
        var monitor = await ConnectMonitorAsync();
        return await monitor.Client.GetGrain<ISweepGrain>(sweepId).GetProgress().WaitAsync(TimeSpan.FromSeconds(10));
    }

    private async Task<ClusterConnection> ConnectMonitorAsync() =>
        _monitor ??= await ClusterConnection.ConnectAsync(Redis.Connection, "sweeps", "sweeps", TimeSpan.FromSeconds(30));

    /// <summary>Waits until the running sweep has done at least <paramref name="fraction"/> of its trials (and is not finished).</summary>
    public Task WaitForProgressAsync(double fraction)
    {
        SweepProgress? last = null;
        return Eventually.HoldsAsync(async () =>
        {
            last = await ProgressAsync();
            Assert.False(last.Status == SweepStatus.Completed, "the sweep completed before the fault could be injected; make it larger");
            return last.Status == SweepStatus.Running && last.Done >= fraction * last.Total;
        }, SweepTimeout, () => $"the sweep reaches {fraction:P0} (last: {last?.Status} {last?.Done}/{last?.Total})\n{SiloTails()}");
    }

    public string SiloTails() => string.Join("\n", _silos.Select(s => $"[{s.Process.Name}]\n{s.Process.Tail(60)}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
            client.Dispose();
        if (_monitor is not null)
        {
            try
            {
                await _monitor.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception e) when (e is TimeoutException or OrleansException)
            {
                // The cluster may already be gone; the processes are killed below regardless.
            }
        }
        foreach (var silo in _silos)
            silo.Dispose();
        Redis.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
