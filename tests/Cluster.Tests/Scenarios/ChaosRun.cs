using Sweeps.Cluster.Tests.Processes;

namespace Sweeps.Cluster.Tests.Scenarios;

/// <summary>
/// The moving parts of a chaos scenario: a fixed number of silo slots and one client. <see cref="SuperviseAsync"/>
/// plays the container runtime: a silo that has exited (killed, or stopping itself after being declared dead) is
/// replaced in its slot, and a client that gave up is replaced by a new one that attaches to the same sweep.
/// </summary>
internal sealed class ChaosRun(ClusterHarness cluster, ChildProcess client, Action<string> log)
{
    private readonly SiloProcess[] _slots = [.. cluster.Silos];
    private readonly Lock _gate = new();
    private ChildProcess _client = client;
    private int _paused = -1;

    public int SiloRestarts { get; private set; }

    public int ClientRestarts { get; private set; }

    /// <summary>SIGKILL the silo in <paramref name="slot"/> (the next slot if that one is paused: a stopped silo is already out).</summary>
    public void KillSilo(int slot)
    {
        lock (_gate)
        {
            if (slot == _paused) slot = (slot + 1) % _slots.Length;
            _slots[slot].Process.Kill();
        }
    }

    /// <summary>SIGSTOP the silo in <paramref name="slot"/>; the task SIGCONTs it after <paramref name="pause"/>.</summary>
    public async Task PauseSiloAsync(int slot, TimeSpan pause)
    {
        SiloProcess silo;
        lock (_gate)
        {
            silo = _slots[slot];
            _paused = slot;
        }
        await silo.Process.SignalAsync("STOP");
        await Task.Delay(pause);
        await silo.Process.SignalAsync("CONT");
        lock (_gate) _paused = -1;
        log($"silo {slot} resumed");
    }

    /// <summary>Every 200 ms: replace exited silos and a client that exited with an error, until cancelled.</summary>
    public async Task SuperviseAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            lock (_gate)
            {
                for (var slot = 0; slot < _slots.Length; slot++)
                {
                    if (!_slots[slot].Process.HasExited) continue;
                    log($"silo {slot} exited ({_slots[slot].Process.ExitCode}); starting a new one");
                    _slots[slot] = cluster.StartSilo($"silo {slot} restart {++SiloRestarts}");
                }
                if (_client.HasExited && _client.ExitCode != 0)
                {
                    log($"client exited {_client.ExitCode}; starting a new one:\n{_client.Tail(10)}");
                    ClientRestarts++;
                    _client = cluster.StartClient(File.ReadAllText(Path.Combine(cluster.Folder, "spec.yaml")), "out");
                }
            }
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Whether a client exits 0 (the sweep completed and its output folder is written) within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForClientAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            ChildProcess current;
            lock (_gate) current = _client;
            if (current.HasExited && current.ExitCode == 0) return true;
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
        return false;
    }
}
