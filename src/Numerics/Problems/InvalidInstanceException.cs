namespace Sweeps.Numerics.Problems;

/// <summary>
/// Thrown while sampling when the random instance cannot be used (for example a completion
/// mask with an unobserved row). The trial runner records it as status invalid-instance with
/// this message as the reason; it never escapes a trial.
/// </summary>
public sealed class InvalidInstanceException(string reason) : Exception(reason);
