namespace Sweeps.Client.Specs;

/// <summary>
/// A spec that cannot run, with every problem found (not just the first): each message names the
/// field, the value and what is allowed. The CLI prints them and exits with code 2.
/// </summary>
public sealed class SpecException : Exception
{
    public SpecException(IReadOnlyList<string> errors)
        : base(Describe(errors)) => Errors = errors;

    public SpecException()
        : this(["spec: invalid."])
    {
    }

    public SpecException(string message)
        : this([message])
    {
    }

    public SpecException(string message, Exception innerException)
        : base(message, innerException) => Errors = [message];

    public IReadOnlyList<string> Errors { get; }

    private static string Describe(IReadOnlyList<string> errors) =>
        $"The spec has {errors.Count} error(s):{Environment.NewLine}" + string.Join(Environment.NewLine, errors.Select(e => "  " + e));
}
