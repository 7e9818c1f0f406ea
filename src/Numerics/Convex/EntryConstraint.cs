using Sweeps.Numerics.Problems.Completion;

namespace Sweeps.Numerics.Convex;

/// <summary>
/// The constraint of matrix completion in Y = P^{1/2} X Q^{1/2} with diagonal weights p, q: Ã_i =
/// P^{-1/2} E_{a b} Q^{-1/2} = E_{a b} / sqrt(p_a q_b), so the orthonormal rows are W_i = E_{a b} (distinct
/// entries are orthogonal, none is dropped) and c_i = b_i sqrt(p_a q_b). Projection resets the observed
/// entries, Y_{a b} = c_i: O(|Omega|) instead of the dense projector's O(|Omega| d1 d2) per ADMM iteration.
/// </summary>
internal sealed class EntryConstraint : IAffineConstraint
{
    private readonly int[] _entries;
    private readonly double[] _data;

    public EntryConstraint(EntrySampling sampling, ReadOnlySpan<double> b, ReadOnlySpan<double> leftHalf, ReadOnlySpan<double> rightHalf)
    {
        if (b.Length != sampling.Count) throw new ArgumentException($"b: length {b.Length} differs from m = {sampling.Count}.", nameof(b));
        int d1 = sampling.Rows, d2 = sampling.Cols;
        _entries = sampling.Entries.ToArray();
        _data = new double[_entries.Length];
        for (var i = 0; i < _entries.Length; i++)
        {
            int a = _entries[i] / d2, c = _entries[i] % d2;
            _data[i] = b[i] * leftHalf[a * d1 + a] * rightHalf[c * d2 + c];
        }
        Length = d1 * d2;
    }

    public int Rank => _entries.Length;

    public int Length { get; }

    public int Dropped => 0;

    public double Inconsistency => 0;

    public ReadOnlySpan<double> OrthonormalData => _data;

    public void Coordinates(ReadOnlySpan<double> v, Span<double> mu)
    {
        for (var i = 0; i < _entries.Length; i++) mu[i] = v[_entries[i]];
    }

    public void Synthesize(ReadOnlySpan<double> mu, Span<double> v)
    {
        v[..Length].Clear();
        for (var i = 0; i < _entries.Length; i++) v[_entries[i]] = mu[i];
    }

    public void Project(Span<double> v)
    {
        for (var i = 0; i < _entries.Length; i++) v[_entries[i]] = _data[i];
    }
}
