using Sweeps.Numerics.Trials;

namespace Sweeps.Grains.Execution;

/// <summary>Runs the trial with the numerical core: <see cref="TrialRunner.Run"/>.</summary>
public sealed class TrialRunnerEvaluator : ITrialEvaluator
{
    public TrialResult Evaluate(TrialParameters parameters, CancellationToken cancellation) =>
        TrialRunner.Run(parameters, cancellation);
}
