namespace Sweeps.Numerics.Trials;

/// <summary>How a trial ended. Written to trials.csv in kebab case (<see cref="TrialStatusNames"/>).</summary>
public enum TrialStatus
{
    Converged,
    IterationLimit,
    Diverged,
    InvalidInstance,

    /// <summary>An external method (docs/EXTERNAL.md) exited non-zero, could not start, wrote a malformed answer or its script changed.</summary>
    MethodError,

    /// <summary>An external method outlived its timeout and was killed.</summary>
    Timeout,
}
