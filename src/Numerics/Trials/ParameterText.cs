using System.Globalization;

namespace Sweeps.Numerics.Trials;

/// <summary>
/// The one text form of parameter values that identities are built from: cell keys ("m=80;r=2"), the trial
/// seed's input, the sweep fingerprint, method-variant labels ("sam[rho=0.1]") and transition line keys.
/// Stored sweeps are keyed and seeded by these strings, so the form must never change: numbers in invariant
/// round-trip form ("R": the shortest text that parses back to the same double), pairs "name=value" joined by ';'.
/// </summary>
public static class ParameterText
{
    /// <summary>A value in round-trip form: 80, 0.001, 1E-05.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>"rho=0.05".</summary>
    public static string Pair(string name, double value) => name + "=" + Number(value);

    /// <summary>The pairs in the order given, joined by ';' (for collections that are already sorted).</summary>
    public static string Join(IEnumerable<KeyValuePair<string, double>> values) =>
        string.Join(';', values.Select(v => Pair(v.Key, v.Value)));

    /// <summary>The canonical set "m=80;r=2": names in ordinal order (a stable sort), whatever order they come in.</summary>
    public static string Set(IEnumerable<KeyValuePair<string, double>> values) =>
        Join(values.OrderBy(v => v.Key, StringComparer.Ordinal));

    /// <summary>The label of one entry of a method's lists: "sam[rho=0.05]".</summary>
    public static string VariantLabel(string method, IEnumerable<KeyValuePair<string, double>> listed) =>
        method + "[" + Set(listed) + "]";

    /// <summary>The catalog method a label runs: "sam" for "sam[rho=0.05]" and for "sam".</summary>
    public static string MethodOf(string label) => label.Split('[')[0];
}
