using System.Collections.Immutable;
using Sweeps.Client.Adaptive;
using Sweeps.Grains.Sweeps;

namespace Sweeps.Client.Tests.Adaptive;

/// <summary>What a round submits (<see cref="AdaptiveRun.Covering"/>): the plan raised to every cell and count the coordinator holds, so no cell's trials shrink.</summary>
public sealed class AdaptiveRunCoveringTests
{
    private static CellDefinition Cell(int index, int m, int? trials) =>
        new(index, $"m={m}", ImmutableSortedDictionary.CreateRange(new Dictionary<string, double> { ["m"] = m }), trials);

    private static SweepDefinition Definition(params CellDefinition[] cells) =>
        new("covering", "symmetric-sensing", ["flat-convex"], [.. cells], 10, 1, 1e-3, null);

    [Fact]
    public void The_plan_is_submitted_as_it_is_when_the_coordinator_holds_nothing_more()
    {
        var planned = Definition(Cell(0, 10, null), Cell(1, 20, 40));
        Assert.Same(planned, AdaptiveRun.Covering(null, planned));
        var covering = AdaptiveRun.Covering(Definition(Cell(0, 10, null), Cell(1, 20, 30)), planned);
        Assert.Equal(planned.Cells.Select(c => (c.Key, c.Trials)), covering.Cells.Select(c => (c.Key, c.Trials)));
    }

    [Fact]
    public void Stored_cells_and_larger_stored_counts_are_kept()
    {
        var stored = Definition(Cell(0, 10, 25), Cell(1, 15, 12), Cell(2, 20, null));
        var planned = Definition(Cell(0, 10, 20), Cell(1, 20, 16));
        var covering = AdaptiveRun.Covering(stored, planned);
        Assert.Equal(
            [("m=10", (int?)25, 0), ("m=20", 16, 1), ("m=15", 12, 2)],
            covering.Cells.Select(c => (c.Key, c.Trials, c.Index)));
        Assert.All(stored.Cells, c => Assert.True(covering.TrialsOf(covering.Cells.Single(n => n.Key == c.Key)) >= stored.TrialsOf(c), c.Key));
    }
}
