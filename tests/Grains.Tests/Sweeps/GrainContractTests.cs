using System.Reflection;
using Sweeps.Grains.Sweeps;

namespace Sweeps.Grains.Tests.Sweeps;

/// <summary>
/// Stored state is keyed by grain type, so every grain pins its type name and keeps the one Orleans
/// derived from its class name before names were pinned (the stored 1.0.0 sweep of the client
/// tests is read through them); grain interfaces and their methods carry aliases, so a rename
/// of a C# name is not a wire change.
/// </summary>
public sealed class GrainContractTests
{
    private static readonly Assembly Engine = typeof(SweepGrain).Assembly;
    private static readonly Assembly Contracts = typeof(ISweepGrain).Assembly;

    [Fact]
    public void Every_grain_pins_the_type_name_it_was_stored_under()
    {
        var pinned = Engine.GetTypes().Where(t => t.IsSubclassOf(typeof(Grain)) && !t.IsAbstract)
            .ToDictionary(t => t.Name, t => t.GetCustomAttribute<GrainTypeAttribute>()?.GetGrainType(null!, t).ToString());
        Assert.Equal(new Dictionary<string, string?>
        {
            ["SweepGrain"] = "sweep", ["CellGrain"] = "cell", ["TrialGrain"] = "trial", ["SweepRegistryGrain"] = "sweepregistry",
        }, pinned);
    }

    [Fact]
    public void Every_grain_interface_and_method_has_an_alias()
    {
        var interfaces = Contracts.GetTypes().Concat(Engine.GetTypes())
            .Where(t => t.IsInterface && typeof(IAddressable).IsAssignableFrom(t)).ToList();
        Assert.Contains(interfaces, t => t.Name == "ISweepProgressSink");
        foreach (var type in interfaces)
        {
            Assert.True(type.GetCustomAttribute<AliasAttribute>() is not null, $"{type.Name} has no [Alias]");
            foreach (var method in type.GetMethods())
                Assert.True(method.GetCustomAttribute<AliasAttribute>() is not null, $"{type.Name}.{method.Name} has no [Alias]");
        }
        Assert.False(typeof(ISweepGrain).GetMethods().Any(m => m.Name == "ReportProgress"), "the cell callback is on the internal interface only");
    }
}
