namespace Sweeps.Numerics.Random;

/// <summary>
/// What a random stream of a trial is for. Separate streams keep, for example, the measurement
/// matrices of a cell identical across methods while each method draws its own starting point.
/// </summary>
public enum StreamPurpose
{
    Truth = 1,
    Measurements = 2,
    Noise = 3,
    Init = 4,
    Probes = 5,
    Algorithm = 6,
}
