namespace Sweeps.Numerics.Trials;

/// <summary>The names of <see cref="TrialStatus"/> values in outputs: converged, iteration-limit, diverged, invalid-instance, method-error, timeout.</summary>
public static class TrialStatusNames
{
    public static string ToName(this TrialStatus status) => status switch
    {
        TrialStatus.Converged => "converged",
        TrialStatus.IterationLimit => "iteration-limit",
        TrialStatus.Diverged => "diverged",
        TrialStatus.InvalidInstance => "invalid-instance",
        TrialStatus.MethodError => "method-error",
        TrialStatus.Timeout => "timeout",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static TrialStatus Parse(string name) => name switch
    {
        "converged" => TrialStatus.Converged,
        "iteration-limit" => TrialStatus.IterationLimit,
        "diverged" => TrialStatus.Diverged,
        "invalid-instance" => TrialStatus.InvalidInstance,
        "method-error" => TrialStatus.MethodError,
        "timeout" => TrialStatus.Timeout,
        _ => throw new FormatException($"Unknown trial status '{name}'."),
    };
}
