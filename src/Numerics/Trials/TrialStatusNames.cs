using System.Diagnostics.CodeAnalysis;

namespace Sweeps.Numerics.Trials;

/// <summary>
/// The names of <see cref="TrialStatus"/> values in outputs: converged, iteration-limit, diverged, invalid-instance, method-error, timeout.
/// They are also the stored form of a trial's status (the grain records' codec writes and reads them), so a name never changes.
/// </summary>
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

    /// <summary>The status of a name; false for a name that is none (null included).</summary>
    public static bool TryParse([NotNullWhen(true)] string? name, out TrialStatus status)
    {
        (var known, status) = name switch
        {
            "converged" => (true, TrialStatus.Converged),
            "iteration-limit" => (true, TrialStatus.IterationLimit),
            "diverged" => (true, TrialStatus.Diverged),
            "invalid-instance" => (true, TrialStatus.InvalidInstance),
            "method-error" => (true, TrialStatus.MethodError),
            "timeout" => (true, TrialStatus.Timeout),
            _ => (false, default),
        };
        return known;
    }

    public static TrialStatus Parse(string name) =>
        TryParse(name, out var status) ? status : throw new FormatException($"Unknown trial status '{name}'.");
}
