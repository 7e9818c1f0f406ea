namespace Sweeps.Numerics.Problems;

/// <summary>
/// A problem whose model is a matrix X (d1 x d2; X = L R^T, or X = U U^T when
/// <see cref="Symmetric"/>) observed through a linear map, b = A(M) + noise. Its convex
/// relaxations (docs/SCIENCE.md 2.1, 2.2) are:
/// flat:    minimize ||P^{1/2} X Q^{1/2}||_*  s.t. A(X) = b   (symmetric: trace(D X D), X PSD, D = D2^{1/2});
/// nuclear: minimize ||X||_*                 s.t. A(X) = b   (symmetric: trace(X), X PSD).
/// The convex methods solve these through this interface and turn X back into factors of width k.
/// </summary>
public interface IMatrixSensingProblem : IFactorizedProblem
{
    IMeasurementOperator Measurements { get; }

    /// <summary>b, length m.</summary>
    ReadOnlySpan<double> Data { get; }

    /// <summary>The truth M (d1 x d2, row-major), against which recovery is judged.</summary>
    ReadOnlySpan<double> Truth { get; }

    /// <summary>sigma, the absolute standard deviation of the noise in b (0 when noiseless): b = A(M) + sigma xi.</summary>
    double NoiseLevel { get; }

    /// <summary>X = U U^T with X PSD; then d1 = d2 and Q = P.</summary>
    bool Symmetric { get; }

    int D1 { get; }

    int D2 { get; }

    /// <summary>Factor width k.</summary>
    int Width { get; }

    /// <summary>P (d1 x d1, row-major, SPD): the left flatness weight (D2 for symmetric problems).</summary>
    ReadOnlySpan<double> LeftWeight { get; }

    /// <summary>Q (d2 x d2, row-major, SPD): the right flatness weight (equal to P for symmetric problems).</summary>
    ReadOnlySpan<double> RightWeight { get; }

    /// <summary>
    /// Writes the theta of the given factors into <paramref name="theta"/>: (L, R) for general
    /// problems (L is d1 x k, R is d2 x k, both row-major), U (d x k) for symmetric ones.
    /// <paramref name="right"/> is ignored for symmetric problems.
    /// </summary>
    void PackFactors(ReadOnlySpan<double> left, ReadOnlySpan<double> right, Span<double> theta);
}
