using Sweeps.Numerics.Trials;

namespace Sweeps.Grains.Execution;

/// <summary>
/// Computes one trial on an executor thread. The silo's default is <see cref="TrialRunnerEvaluator"/>;
/// the seam lets tests observe where trials run and lets benchmarks measure orchestration alone.
/// </summary>
public interface ITrialEvaluator
{
    TrialResult Evaluate(TrialParameters parameters, CancellationToken cancellation);
}
