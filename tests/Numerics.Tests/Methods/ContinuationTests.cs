using Sweeps.Numerics.Methods;

namespace Sweeps.Numerics.Tests.Methods;

public sealed class ContinuationTests
{
    [Fact]
    public void Noiseless_schedule_has_count_geometric_stages_above_a_zero_floor()
    {
        var stages = new Continuation(0.2, Ratio: 1e-3, Count: 2).Stages().ToArray();
        Assert.Equal(2, stages.Length);
        Assert.Equal(0.2, stages[0].Lambda);
        Assert.Equal(0.2 * 1e-3, stages[1].Lambda, 1e-18);
        Assert.Equal(Continuation.FirstTolerance, stages[0].Tolerance);
        Assert.Equal(Continuation.Tolerance, stages[1].Tolerance);
    }

    [Fact]
    public void A_positive_floor_cuts_the_stages_at_it()
    {
        var stages = new Continuation(1, Ratio: 0.1, Count: 5, Floor: 0.005).Stages().Select(s => s.Lambda).ToArray();
        Assert.Equal(3, stages.Length);
        Assert.All(stages, l => Assert.True(l > 0.005));
        Assert.Equal(0.01, stages[^1], 1e-15);
    }
}
