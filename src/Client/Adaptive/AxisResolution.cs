namespace Sweeps.Client.Adaptive;

/// <summary>
/// The values an adaptive round may add on an axis: integers for an integer parameter, else multiples of 10^-digits
/// with about a thousandth of the line's range as the step. Rounding is to the nearest such value (halves away from 0).
/// </summary>
internal readonly record struct AxisResolution(int Digits)
{
    public static AxisResolution Of(bool integer, double range) =>
        new(integer ? 0 : Math.Clamp((int)Math.Ceiling(3 - Math.Log10(range)), 0, 15));

    private double Step => Math.Pow(10, -Digits);

    public double Nearest(double x) => Math.Round(x, Digits, MidpointRounding.AwayFromZero);

    /// <summary>The largest value at most x and the smallest at least x: the grid points either side of x.</summary>
    public (double Below, double Above) Bracket(double x) =>
        (Nearest(Math.Floor(x / Step) * Step), Nearest(Math.Ceiling(x / Step) * Step));
}
