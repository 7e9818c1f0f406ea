using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Sweeps.Client.Specs;

/// <summary>
/// Passes YAML parsing events through and remembers where the last good one ended, so a syntax
/// error that the scanner reports without a position can still be located for the user.
/// </summary>
internal sealed class PositionTrackingParser(IParser inner) : IParser
{
    public Mark LastGood { get; private set; } = Mark.Empty;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (inner.Current is { } current)
            LastGood = current.End;
        return inner.MoveNext();
    }
}
