namespace Sweeps.Numerics.Trials;

/// <summary>How a trial ended. Written to trials.csv in kebab case (<see cref="TrialStatusNames"/>).</summary>
public enum TrialStatus
{
    Converged,
    IterationLimit,
    Diverged,
    InvalidInstance,
}
