namespace Sweeps.Client.Output;

/// <summary>The storage type of an output column (Parquet type; CSV formatting).</summary>
public enum ColumnKind
{
    /// <summary>Whole number, possibly absent (long?).</summary>
    Integer,

    /// <summary>Double, NaN when absent.</summary>
    Real,

    /// <summary>Text, possibly absent.</summary>
    Text,

    /// <summary>Boolean.</summary>
    Flag,

    /// <summary>Boolean, possibly absent (bool?).</summary>
    OptionalFlag,

    /// <summary>Unsigned 64-bit trial seed.</summary>
    Seed,
}
