namespace Sweeps.Client.Output;

/// <summary>
/// manifest.json: what produced the output folder and how long it took. The caller fills it
/// (it knows the versions, the start time and how many trials were reused from a previous run).
/// </summary>
public sealed record RunManifest(
    string SweepsVersion,
    string DotnetVersion,
    string OrleansVersion,
    string SweepId,
    long Seed,
    DateTimeOffset Started,
    DateTimeOffset Finished,
    long TrialsTotal,
    long TrialsComputed,
    long TrialsReused,
    double WallSeconds);
