using OpenTelemetry.Trace;
using Sweeps.Grains.Telemetry;

namespace Sweeps.Hosting.Telemetry;

/// <summary>
/// The root sampler (under ParentBased): a trace may start only at a Sweeps span
/// (<see cref="SweepsTelemetry.RootSpans"/>). Orleans spans without a traced parent - the client's
/// progress polls, membership and load-publishing calls, timers - are dropped, so every trace in the
/// backend belongs to a sweep.
/// </summary>
internal sealed class SweepsRootSampler : Sampler
{
    private static readonly SamplingResult Sample = new(SamplingDecision.RecordAndSample);
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        SweepsTelemetry.RootSpans.Contains(samplingParameters.Name) ? Sample : Drop;
}
