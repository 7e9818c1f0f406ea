using System.Runtime.CompilerServices;

namespace Sweeps.Numerics;

/// <summary>
/// MathNet runs single-threaded for every caller of this assembly: a parallel decomposition splits
/// its sums by the machine's core count, so its bits would differ between machines (docs/ARCHITECTURE.md "Determinism").
/// Set once when the module loads, before any family, convex solver or theory curve runs.
/// </summary>
internal static class DeterministicLinearAlgebra
{
#pragma warning disable CA2255 // A library initializer on purpose: determinism must not depend on which type a host touches first.
    [ModuleInitializer]
    internal static void UseSingleThread() => MathNet.Numerics.Control.UseSingleThread();
#pragma warning restore CA2255
}
