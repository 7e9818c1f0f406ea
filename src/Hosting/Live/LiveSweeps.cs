using System.Collections.Concurrent;
using System.Collections.Immutable;
using Sweeps.Grains.Sweeps;

namespace Sweeps.Hosting.Live;

/// <summary>The sweeps a live page can show: one shared <see cref="LiveSweep"/> per sweep id, and the registry's list.</summary>
public sealed class LiveSweeps(IGrainFactory grains, LiveOptions options)
{
    /// <summary>Output files a page may download (only these names, only from the sweep's own output folder).</summary>
    public static readonly ImmutableArray<string> Downloads = ["trials.csv", "trials.parquet", "cells.csv", "summary.json", Transitions];

    /// <summary>Fitted transitions as the run writes them (the page fits the same lines live).</summary>
    public const string Transitions = "transitions.csv";

    private readonly ConcurrentDictionary<string, LiveSweep> _sweeps = new(StringComparer.Ordinal);

    public IGrainFactory Grains { get; } = grains;

    public LiveOptions Options { get; } = options;

    public LiveSweep Get(string sweepId) => _sweeps.GetOrAdd(sweepId, id => new LiveSweep(Grains, id, Options.TransitionAxis));

    /// <summary>Every registered sweep with its current counters.</summary>
    public async Task<ImmutableArray<SweepProgress>> ListAsync()
    {
        var ids = (await Grains.GetGrain<ISweepRegistryGrain>(GrainKeys.Registry).List()).Union(Options.Listed, StringComparer.Ordinal);
        return [.. await Task.WhenAll(ids.Select(id => Grains.GetGrain<ISweepGrain>(id).GetProgress()))];
    }

    /// <summary>The path of a downloadable output file of the sweep, or null when it is not there (or not a download).</summary>
    public string? File(string sweepId, string name)
    {
        if (!Downloads.Contains(name) || Options.OutputFolder(sweepId) is not { } folder)
            return null;
        var path = Path.Combine(folder, name);
        return System.IO.File.Exists(path) ? path : null;
    }
}
