namespace Sweeps.Client.Specs;

/// <summary>The fields of a spec as parsed, before the grid is built; defaults filled in.</summary>
internal sealed class SpecDraft
{
    public const long DefaultTrials = 10;

    public string? Name { get; set; }
    public string? Problem { get; set; }

    /// <summary>Set for an external-command problem (<c>problem: { name, command, timeout }</c>, docs/EXTERNAL.md): the command that is each whole trial.</summary>
    public SpecCommand? ProblemCommand { get; set; }

    /// <summary>Whether <c>problem:</c> is a command entry, even a malformed one (its methods are then bare names, not catalog methods).</summary>
    public bool ProblemIsCommand { get; set; }
    public List<KeyValuePair<string, double>> Fixed { get; } = [];
    public List<SpecAxis> Axes { get; } = [];
    public List<SpecMethod> Methods { get; } = [];
    public long Trials { get; set; } = DefaultTrials;
    public long Seed { get; set; }
    public double Tolerance { get; set; } = 1e-3;
    public double? RelativeToNoise { get; set; }
    public List<PlotRequest>? Plots { get; set; }

    /// <summary>The axis given as <c>transition.axis</c>; null when the spec leaves the default.</summary>
    public string? TransitionAxis { get; set; }
    public List<ScatterRequest> Scatters { get; } = [];

    /// <summary>The <c>adaptive:</c> block as read (null: a plain sweep); its axis is null when the spec leaves the transition axis, its budget null when missing.</summary>
    public AdaptiveDraft? Adaptive { get; set; }

    /// <summary>The <c>plugins:</c> map as given (name to sha256); the loader checks it against the loaded builds.</summary>
    public Dictionary<string, string> PinnedPlugins { get; } = new(StringComparer.Ordinal);

    /// <summary>The loaded plugins the problem and methods come from, by name (set by the loader; part of the sweep id).</summary>
    public List<Numerics.Plugins.PluginIdentity> Plugins { get; } = [];
}

/// <summary>The fields of <c>adaptive:</c> as parsed; <see cref="SpecLoader"/> checks them against the grid.</summary>
internal sealed class AdaptiveDraft
{
    public string? Axis { get; set; }
    public double Precision { get; set; } = Adaptive.AdaptiveSettings.DefaultPrecision;
    public long? MaxTrials { get; set; }
    public int Batch { get; set; } = Adaptive.AdaptiveSettings.DefaultBatch;
}
