namespace Sweeps.Numerics.Statistics;

/// <summary>
/// A fitted transition along one axis (<see cref="ProbitFit"/>): the status, the 50% point X50 with its 95%
/// interval [Low, High], the 10%-90% width, and the trials and successes it was fitted to. Numbers a status does not
/// define are NaN.
/// </summary>
public sealed record TransitionFit(string Status, double X50, double Low, double High, double Width, int Trials, int Successes);

/// <summary>The <c>fit</c> values of transitions.csv, in the order <see cref="ProbitFit"/> checks them.</summary>
public static class TransitionStatus
{
    public const string TooFew = "too-few", AllFail = "all-fail", AllSuccess = "all-success", Separated = "separated",
        NotMonotone = "not-monotone", Ok = "ok";

    public static IReadOnlyList<string> All { get; } = [TooFew, AllFail, AllSuccess, Separated, NotMonotone, Ok];
}
