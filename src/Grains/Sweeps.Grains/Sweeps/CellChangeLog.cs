using System.Collections.Immutable;

namespace Sweeps.Grains.Sweeps;

/// <summary>
/// The coordinator's memory of which cell x method reported last, for live pages: one version number
/// per cell x method (O(cells x methods), never per trial). A reader asks for the cells whose
/// version is above the one it has seen, so each poll moves only what changed.
/// </summary>
internal sealed class CellChangeLog
{
    private readonly Dictionary<CellChange, long> _versions = [];
    private long _version;

    public string Epoch { get; } = Guid.NewGuid().ToString("N");

    public void Touch(string cellKey, string method) => _versions[new CellChange(cellKey, method)] = ++_version;

    public CellChanges Since(string epoch, long version)
    {
        // A reader of another epoch reloads everything anyway: send no list.
        var cells = epoch != Epoch ? [] : _versions.Where(p => p.Value > version).Select(p => p.Key).ToImmutableArray();
        return new CellChanges(Epoch, _version, cells);
    }
}
