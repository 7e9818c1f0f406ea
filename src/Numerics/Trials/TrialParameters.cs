namespace Sweeps.Numerics.Trials;

/// <summary>
/// Everything a trial is a pure function of: the problem and its sizes, the method and its
/// parameters, the success criterion and the trial seed. Field names follow the spec's parameter
/// names (d1, d2, r, k, m, p, noise, noise_relative, depth, r2, k2, sparsity). Unused fields stay null.
/// Noise (docs/SCIENCE.md 2.8): <see cref="Noise"/> is an absolute sigma; <see cref="NoiseRelative"/>, when
/// set, instead gives sigma = noise_relative * ||A(M)|| / sqrt(m) (a family rejects both at once).
/// </summary>
public sealed record TrialParameters
{
    public required string Problem { get; init; }
    public required string Method { get; init; }
    public required int D1 { get; init; }
    public required int D2 { get; init; }
    public required int R { get; init; }
    public required int K { get; init; }
    public int? M { get; init; }
    public double? P { get; init; }
    public double Noise { get; init; }
    public double? NoiseRelative { get; init; }
    public int? Depth { get; init; }
    public int? R2 { get; init; }
    public int? K2 { get; init; }
    public int? Sparsity { get; init; }
    public MethodParameters MethodParameters { get; init; } = MethodParameters.Defaults;
    public SuccessCriterion Success { get; init; } = new();
    public required ulong Seed { get; init; }

    /// <summary>When set, <see cref="Method"/> is a label and this command is the method (docs/EXTERNAL.md), not a catalog method.</summary>
    public External.ExternalCommand? External { get; init; }

    /// <summary>When set, <see cref="Problem"/> is a label and this command is the whole trial (docs/EXTERNAL.md, external problems): no family, no catalog method.</summary>
    public External.ExternalCommand? ExternalProblem { get; init; }

    /// <summary>The .NET plugins the problem and method come from (the sweep's, as submitted); null for built-ins only.</summary>
    public IReadOnlyList<Plugins.PluginIdentity>? Plugins { get; init; }

    /// <summary>The noise level as the spec gives it (noise_relative when set, else noise): the sigma of the success rule error &lt;= c * sigma.</summary>
    public double NoiseLevel => NoiseRelative ?? Noise;
}
