namespace Sweeps.Numerics.Problems;

/// <summary>
/// Thrown when the random instance cannot be used: while sampling (for example a completion mask
/// with an unobserved row), or by a method that cannot be posed on it (a singular flat weight). The
/// trial runner records it as status invalid-instance with this message as the reason; it never
/// escapes a trial.
/// </summary>
public sealed class InvalidInstanceException(string reason) : Exception(reason);
