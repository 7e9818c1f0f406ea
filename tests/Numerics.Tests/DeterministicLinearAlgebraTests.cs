using MathNet.Numerics;
using Sweeps.Numerics.Problems;

namespace Sweeps.Numerics.Tests;

public sealed class DeterministicLinearAlgebraTests
{
    [Fact]
    public void Loading_numerics_makes_MathNet_single_threaded()
    {
        // Any Sweeps.Numerics type runs the module initializer first; no family's static constructor is involved.
        Assert.NotEmpty(Catalogs.Problems.Names);
        Assert.Equal(1, Control.MaxDegreeOfParallelism);
        Assert.False(Control.ThreadSafeRandomNumberGenerators);
    }
}
