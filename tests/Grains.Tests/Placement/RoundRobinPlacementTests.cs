using System.Net;
using Orleans.Runtime.Placement;
using Sweeps.Grains.Placement;

namespace Sweeps.Grains.Tests.Placement;

/// <summary>Trial placement: every compatible silo gets the same share, whoever places and in whatever order.</summary>
public sealed class RoundRobinPlacementTests
{
    private static readonly SiloAddress[] Silos = Enumerable.Range(0, 3)
        .Select(i => SiloAddress.New(IPAddress.Loopback, 11111 + i, i + 1)).ToArray();

    [Fact]
    public async Task Two_placing_silos_in_any_interleaving_give_each_silo_an_equal_share()
    {
        var directors = new[] { new RoundRobinPlacementDirector(), new RoundRobinPlacementDirector() };
        var context = new FixedSilos(Silos);
        var counts = Silos.ToDictionary(s => s, _ => 0);
        var random = new System.Random(5);
        var placed = new int[2];
        while (placed.Min() < 300)
        {
            // A bursty interleaving: one placing silo places several in a row, then the other.
            var who = placed[0] >= 300 ? 1 : placed[1] >= 300 ? 0 : random.Next(2);
            for (var burst = random.Next(1, 9); burst > 0 && placed[who] < 300; burst--, placed[who]++)
                counts[await directors[who].OnAddActivation(RoundRobinPlacement.Singleton, Target(placed[who]), context)]++;
        }
        Assert.All(counts.Values, c => Assert.Equal(200, c));
    }

    [Fact]
    public async Task A_silo_that_left_gets_nothing_and_the_rest_share_equally()
    {
        var director = new RoundRobinPlacementDirector();
        var remaining = new FixedSilos([Silos[0], Silos[2]]);
        var chosen = new List<SiloAddress>();
        for (var i = 0; i < 100; i++)
            chosen.Add(await director.OnAddActivation(RoundRobinPlacement.Singleton, Target(i), remaining));
        Assert.DoesNotContain(Silos[1], chosen);
        Assert.Equal(50, chosen.Count(s => s.Equals(Silos[0])));
    }

    private static PlacementTarget Target(int trial) =>
        new(GrainId.Create("trial", $"sweep/cell/{trial}"), new Dictionary<string, object>(), default, 0);

    private sealed class FixedSilos(SiloAddress[] silos) : IPlacementContext
    {
        public SiloAddress LocalSilo => silos[0];

        public SiloStatus LocalSiloStatus => SiloStatus.Active;

        public SiloAddress[] GetCompatibleSilos(PlacementTarget target) => silos;

        public IReadOnlyDictionary<ushort, SiloAddress[]> GetCompatibleSilosWithVersions(PlacementTarget target) =>
            new Dictionary<ushort, SiloAddress[]> { [0] = silos };
    }
}
