using Sweeps.Client.Adaptive;
using Sweeps.Client.Cli;
using Sweeps.Client.Output;
using Sweeps.Client.Specs;
using Sweeps.Grains.Sweeps;
using Sweeps.Hosting;
using Sweeps.Hosting.Live;

namespace Sweeps.Client.Commands;

/// <summary>
/// `sweeps run SPEC`: runs a sweep in this process (embedded silo, SQLite store in the output
/// folder), or with --cluster submits it to a cluster; shows progress, then writes the output
/// folder. Running it again resumes (embedded) or attaches (cluster): finished trials are read
/// back from the store, never recomputed.
/// </summary>
public sealed class RunCommand : ICommand
{
    /// <summary>How long a cluster run keeps polling while no silo answers (a silo died, Redis restarts).</summary>
    private static readonly TimeSpan ClusterTolerance = TimeSpan.FromMinutes(3);

    public string Name => "run";

    public string Summary => "run a sweep (embedded or on a cluster) and write trials, cells and phase diagrams";

    public string Usage => $"""
        Usage: sweeps run SPEC.yaml [--out DIR] [--trials N] [--serve [ADDR:PORT]] [--max-concurrent-trials N | --cluster REDIS [--cluster-id ID] [--service-id ID]]

        Runs every trial of the spec and writes DIR: trials.csv, trials.parquet, cells.csv,
        summary.json, spec.yaml, manifest.json and the phase diagrams (phase-*.png, phase-*.svg).
        Embedded (default): a silo in this process keeps state durably in DIR/state/sweeps.db;
        Ctrl+C stops cleanly, and after a stop or a crash the same command resumes, reusing every
        finished trial (manifest.json records trials_computed and trials_reused).
        Cluster (--cluster): the sweep runs on the cluster's silos and keeps running if this
        command exits (Ctrl+C detaches); the same command attaches again, and more trials or
        axis values extend the sweep, reusing every finished trial.
        A spec with adaptive: runs its grid, then rounds of trials near each line's 50% point until
        every line meets the precision or max_trials is spent (README "Adaptive refinement").

          --out DIR                   output folder (default: runs/<sweep id>)
          --max-concurrent-trials N   embedded: trials computed at once (default: the number of cores)
          --trials N                  trials per cell and method instead of the spec's; the sweep
                                      id does not change, so the same --out is extended (finished
                                      trials are reused) and a smaller N reports the first N
        {ServeArgument.Help}{ClusterArguments.Help}

        The embedded silo logs nothing unless SWEEPS_LOG_LEVEL is set (Trace, Debug, Information,
        Warning, Error): then its log lines go to stderr.
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, Terminal terminal, CancellationToken cancellation)
    {
        var (rest, serve) = ServeArgument.Extract(args);
        var reader = new ArgumentReader(rest, ["out", "max-concurrent-trials", "trials", .. ClusterArguments.Options], []);
        var spec = SpecArguments.Load(reader, terminal, reader.Int("trials", min: 1));
        if (spec is null) return CommandLine.BadInput;
        var folder = reader.String("out") ?? Path.Combine("runs", spec.SweepId);
        var slots = reader.Int("max-concurrent-trials", min: 1);
        var cluster = ClusterArguments.Find(reader);
        if (cluster is not null && slots is not null)
            throw new UsageException("--max-concurrent-trials: applies to embedded runs; on a cluster each silo sets it.");
        if (cluster is null && (reader.String(ClusterArguments.ClusterIdOption) ?? reader.String(ClusterArguments.ServiceIdOption)) is not null)
            throw new UsageException("--cluster-id, --service-id: apply to cluster runs; give --cluster REDIS (or set SWEEPS_CLUSTER) too.");
        RefuseForeignFolder(folder, spec);
        Directory.CreateDirectory(folder);
        var started = DateTimeOffset.UtcNow;
        var definition = spec.Definition;
        var where = cluster is null ? "" : " on the cluster";
        var rounds = spec.Adaptive is { } a ? $", {a}" : "";
        terminal.Error.WriteLine($"sweep '{definition.SweepId}'{where}: {definition.TotalTrials} trials ({definition.Cells.Length} cells x {definition.Methods.Length} methods x {definition.Trials}){rounds}, output {folder}");

        if (cluster is not null)
        {
            await using var connection = await ClusterArguments.ConnectAsync(cluster, reader, cancellation);
            await using var clusterPage = await ServeAsync(connection.Client, serve, spec, folder, terminal, cancellation);
            return await KeepServing(clusterPage, await RunAsync(connection.Client, spec, folder, started, ClusterTolerance, terminal, cancellation), terminal, cancellation);
        }
        var options = new SweepsSiloOptions { Engine = new() { ExecutorThreads = slots ?? Environment.ProcessorCount } };
        await using var host = await EmbeddedSweepHost.StartAsync(folder, options, EmbeddedLogging.FromEnvironment(), cancellation);
        await using var page = await ServeAsync(host.Client, serve, spec, folder, terminal, cancellation);
        return await KeepServing(page, await RunAsync(host.Client, spec, folder, started, null, terminal, cancellation), terminal, cancellation);
    }

    /// <summary>Starts the live page when --serve asked for it; its address goes to stderr with a warning when other machines can reach it.</summary>
    private static async Task<LiveServer?> ServeAsync(
        IGrainFactory grains, System.Net.IPEndPoint? endpoint, LoadedSpec spec, string folder, Terminal terminal, CancellationToken cancellation)
    {
        if (endpoint is null)
            return null;
        var outputs = Path.GetFullPath(folder);
        LiveServer server;
        try
        {
            server = await LiveServer.StartAsync(grains, endpoint, new LiveOptions
            {
                OutputFolder = id => id == spec.SweepId ? outputs : null, Listed = [spec.SweepId],
                TransitionAxis = d => d.SweepId == spec.SweepId ? spec.TransitionAxis : LiveOptions.DefaultTransitionAxis(d),
            }, cancellation);
        }
        catch (IOException e)
        {
            throw new UsageException($"--serve: cannot listen on {endpoint}: {e.Message}");
        }
        terminal.Error.WriteLine($"live page: {new Uri(server.Address, "/live/")}#{Uri.EscapeDataString(spec.SweepId)} (read-only)");
        if (LiveServer.IsExposed(endpoint.Address))
            terminal.Error.WriteLine($"warning: --serve {endpoint} is reachable from other machines; the page has no authentication (it changes nothing, but shows the sweep to anyone who can connect).");
        return server;
    }

    /// <summary>With a live page, a finished sweep keeps it up (downloads now work) until Ctrl+C; the exit code is the run's.</summary>
    private static async Task<int> KeepServing(LiveServer? page, int exitCode, Terminal terminal, CancellationToken cancellation)
    {
        if (page is null || exitCode == CommandLine.Interrupted)
            return exitCode;
        terminal.Error.WriteLine($"live page still at {new Uri(page.Address, "/live/")}; Ctrl+C to stop.");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellation);
        }
        catch (OperationCanceledException)
        {
        }
        return exitCode;
    }

    private static async Task<int> RunAsync(
        IGrainFactory grains, LoadedSpec spec, string folder, DateTimeOffset started, TimeSpan? tolerance, Terminal terminal, CancellationToken cancellation)
    {
        var id = spec.SweepId;
        SweepProgress final;
        try
        {
            if (spec.Adaptive is null)
            {
                await grains.SubmitAsync(spec.Definition, tolerance, cancellation);
                await grains.RegisterAsync(id, spec.NormalizedText, tolerance, cancellation);
                final = await grains.RunAsync(spec.Definition, new ProgressLine(terminal, started), tolerateFailuresFor: tolerance, cancellation: cancellation);
            }
            else
            {
                await grains.RegisterAsync(id, spec.NormalizedText, tolerance, cancellation);
                var outcome = await AdaptiveRun.RunAsync(grains, spec, tolerance, terminal, cancellation);
                (spec, final) = (spec with { Definition = outcome.Definition }, outcome.Progress);
            }
        }
        catch (ArgumentException e)
        {
            terminal.Error.WriteLine($"sweep '{id}': {e.Message}");
            return CommandLine.BadInput;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            terminal.Error.WriteLine();
            terminal.Error.WriteLine(tolerance is null
                ? $"stopped: finished trials are stored in {folder}; run the same command again to resume."
                : $"detached: sweep '{id}' keeps running on the cluster; the same command attaches again ('sweeps watch {id}' follows it).");
            return CommandLine.Interrupted;
        }
        if (final.Status != SweepStatus.Completed)
        {
            terminal.Error.WriteLine($"sweep '{id}' ended {final.Status}; outputs not written.");
            return CommandLine.Failed;
        }
        await SweepExport.WriteAsync(grains, spec, folder, final, started, tolerance, terminal, cancellation);
        return CommandLine.Ok;
    }

    /// <summary>An output folder belongs to one sweep: refuse to mix another sweep's state or files into it.</summary>
    private static void RefuseForeignFolder(string folder, LoadedSpec spec)
    {
        var existing = Path.Combine(folder, OutputFolder.Spec);
        if (!File.Exists(existing)) return;
        string other;
        try
        {
            other = SpecLoader.LoadFile(existing).SweepId;
        }
        catch (SpecException)
        {
            other = "(unreadable)";
        }
        if (other != spec.SweepId)
            throw new UsageException($"--out: '{folder}' holds sweep '{other}', not '{spec.SweepId}'; choose another folder.");
    }
}
