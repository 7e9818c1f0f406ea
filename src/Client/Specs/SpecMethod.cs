namespace Sweeps.Client.Specs;

/// <summary>
/// One entry of a spec's <c>methods</c> list: a catalog method and its own parameters. A single value
/// (<c>alpha: 1.0e-3</c>) applies to this method only; a list (<c>rho: [0.01, 0.05]</c>) is an axis of this
/// method only: the method runs once per value (per combination, the first list varying slowest), each run a
/// separate entry of the method dimension. A bare name (<c>- sam</c>) has no parameters of its own.
/// </summary>
internal sealed record SpecMethod(string Name, List<KeyValuePair<string, double>> Fixed, List<SpecAxis> Lists)
{
    public SpecMethod(string name)
        : this(name, [], [])
    {
    }

    /// <summary>Set for an external method (docs/EXTERNAL.md): the command that is the method.</summary>
    public SpecCommand? Command { get; init; }

    public bool HasParameters => Fixed.Count + Lists.Count > 0;

    /// <summary>How many entries of the method dimension this method makes: the product of its list lengths.</summary>
    public int Count => Lists.Aggregate(1, (n, l) => n * l.Values.Length);

    public IEnumerable<string> ParameterNames => Fixed.Select(f => f.Key).Concat(Lists.Select(l => l.Name));
}
