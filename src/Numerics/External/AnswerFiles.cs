using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;
using Sweeps.Numerics.Convex;

namespace Sweeps.Numerics.External;

/// <summary>
/// Reads an external method's answer (docs/EXTERNAL.md) from its instance folder: the factors (U.npy, d x k', for
/// symmetric problems; L.npy, d1 x k', and R.npy, d2 x k', otherwise; k' &lt;= k, zero-padded to width k) or the
/// recovered matrix X.npy (d1 x d2), factored as X = L R^T with balanced factors L = U S^{1/2}, R = V S^{1/2}
/// (symmetric: X symmetrized, U = V max(S, 0)^{1/2}), and the optional metrics.json
/// (<c>iterations</c>, <c>status</c> converged or iteration-limit, <c>reason</c>).
/// Anything else is a <see cref="FormatException"/> naming the file and what is wrong.
/// </summary>
public static class AnswerFiles
{
    public const string Symmetric = "U.npy", Left = "L.npy", Right = "R.npy", Matrix = "X.npy", Metrics = "metrics.json";

    public static Solution Read(string folder, IMatrixSensingProblem problem)
    {
        var theta = new double[problem.ParameterCount];
        int k = problem.Width;
        string File(string name) => Path.Combine(folder, name);
        if (System.IO.File.Exists(File(Matrix)))
        {
            var (x, shape) = NpyFile.Read(File(Matrix));
            CheckShape(Matrix, shape, problem.D1, problem.D2);
            var (left, right) = Factor(x, problem);
            problem.PackFactors(left, right, theta);
        }
        else if (problem.Symmetric)
        {
            problem.PackFactors(ReadFactor(File(Symmetric), problem.D1, k), [], theta);
        }
        else
        {
            problem.PackFactors(ReadFactor(File(Left), problem.D1, k), ReadFactor(File(Right), problem.D2, k), theta);
        }
        var (iterations, status, reason) = ReadMetrics(File(Metrics));
        return new Solution(theta, status, iterations, reason);
    }

    private static double[] ReadFactor(string path, int rows, int width)
    {
        var name = Path.GetFileName(path);
        if (!System.IO.File.Exists(path))
            throw new FormatException($"no answer: write {name} (the factors) or {Matrix} (the recovered matrix) into the instance folder.");
        var (data, shape) = NpyFile.Read(path);
        if (shape.Length == 1 && width == 1)
            shape = [shape[0], 1];
        if (shape.Length != 2 || shape[0] != rows || shape[1] < 1 || shape[1] > width)
            throw new FormatException($"{name}: shape ({string.Join(", ", shape)}) is not allowed; it must be ({rows}, k') with 1 <= k' <= k = {width}.");
        var padded = new double[rows * width];
        for (var a = 0; a < rows; a++)
            data.AsSpan(a * shape[1], shape[1]).CopyTo(padded.AsSpan(a * width));
        return padded;
    }

    private static void CheckShape(string name, int[] shape, int rows, int cols)
    {
        if (shape.Length != 2 || shape[0] != rows || shape[1] != cols)
            throw new FormatException($"{name}: shape ({string.Join(", ", shape)}) is not allowed; it must be ({rows}, {cols}).");
    }

    /// <summary>Balanced factors of X, top k singular (symmetric: eigen-) values kept.</summary>
    private static (double[] Left, double[] Right) Factor(double[] x, IMatrixSensingProblem problem)
    {
        int d1 = problem.D1, d2 = problem.D2, k = problem.Width;
        if (!LinearAlgebra.Kernels.AllFinite(x))
        {
            var nan = new double[Math.Max(d1, d2) * k];
            Array.Fill(nan, double.NaN);
            return (nan[..(d1 * k)], nan[..(d2 * k)]);
        }
        var matrix = Matrix<double>.Build.Dense(d1, d2, (i, j) => x[i * d2 + j]);
        LowRankMatrix low;
        if (problem.Symmetric)
        {
            var evd = ((matrix + matrix.Transpose()) / 2).Evd(Symmetricity.Symmetric);
            var order = Enumerable.Range(0, d1).Where(i => evd.EigenValues[i].Real > 0).OrderByDescending(i => evd.EigenValues[i].Real).ToArray();
            var vectors = Dense(d1, order.Length, (a, i) => evd.EigenVectors[a, order[i]]);
            low = new LowRankMatrix(d1, d1, vectors, [.. order.Select(i => evd.EigenValues[i].Real)], vectors);
        }
        else
        {
            var svd = matrix.Svd(computeVectors: true);
            var rank = svd.S.Count;
            low = new LowRankMatrix(d1, d2, Dense(d1, rank, (a, i) => svd.U[a, i]), [.. svd.S], Dense(d2, rank, (b, i) => svd.VT[i, b]));
        }
        var identityLeft = SpdRoots.Identity(d1);
        var factors = FlatFactors.From(low, identityLeft, problem.Symmetric ? identityLeft : SpdRoots.Identity(d2), k);
        return (factors.Left, factors.Right);
    }

    private static double[] Dense(int rows, int cols, Func<int, int, double> value)
    {
        var result = new double[rows * cols];
        for (var a = 0; a < rows; a++)
            for (var i = 0; i < cols; i++)
                result[a * cols + i] = value(a, i);
        return result;
    }

    /// <summary>The statuses a method may report; method-error, timeout and invalid-instance are the runner's to give.</summary>
    internal static TrialStatus MethodStatus(string? name) =>
        TrialStatusNames.TryParse(name, out var status) && status is TrialStatus.Converged or TrialStatus.IterationLimit or TrialStatus.Diverged
            ? status
            : throw new FormatException($"{Metrics}: status '{name}' is not allowed; give converged, iteration-limit or diverged.");

    private static (int Iterations, TrialStatus Status, string? Reason) ReadMetrics(string path)
    {
        if (!File.Exists(path))
            return (0, TrialStatus.Converged, null);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new FormatException($"{Metrics}: must be a JSON object.");
            var iterations = root.TryGetProperty("iterations", out var it)
                ? it.TryGetInt32(out var n) && n >= 0 ? n : throw new FormatException($"{Metrics}: iterations must be a whole number >= 0.")
                : 0;
            var status = root.TryGetProperty("status", out var s) ? MethodStatus(s.GetString()) : TrialStatus.Converged;
            var reason = root.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            return (iterations, status, reason);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{Metrics}: not valid JSON ({e.Message}).", e);
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException($"{Metrics}: {e.Message}", e);
        }
    }
}
