using System.Text.Json;

namespace Sweeps.Numerics.External;

/// <summary>
/// Writes one trial's instance for an external method (docs/EXTERNAL.md, format version <see cref="Version"/>):
/// <c>instance.json</c> (problem, sizes, the parameters the trial runs with, trial seed, method seed, file names)
/// and the measurement data as .npy files: A (m x d1 x d2, with b_i = &lt;A_i, M&gt; + noise), b (m),
/// and the flatness weights P (d1 x d1) and Q (d2 x d2). The truth is never written.
/// </summary>
public static class InstanceFolder
{
    public const string Format = "sweeps-instance";
    public const int Version = 1;
    public const string Header = "instance.json", Operator = "A.npy", Data = "b.npy", LeftWeight = "P.npy", RightWeight = "Q.npy";

    /// <summary>
    /// The seed of the method's own randomness: the first draw of the trial's Algorithm stream, below 2^32 so
    /// that every random-number API takes it (numpy, MATLAB rng, Julia).
    /// </summary>
    public static uint MethodSeed(TrialSeed seed)
    {
        var stream = seed.Stream(StreamPurpose.Algorithm);
        return (uint)(stream.NextUInt64() >> 32);
    }

    public static void Write(string folder, IMatrixSensingProblem problem, TrialParameters parameters, double timeoutSeconds, CancellationToken cancellation)
    {
        int m = problem.Measurements.Count, d1 = problem.D1, d2 = problem.D2;
        NpyFile.Write(Path.Combine(folder, Operator), DenseOperator(problem, cancellation), m, d1, d2);
        NpyFile.Write(Path.Combine(folder, Data), problem.Data, m);
        NpyFile.Write(Path.Combine(folder, LeftWeight), problem.LeftWeight, d1, d1);
        NpyFile.Write(Path.Combine(folder, RightWeight), problem.RightWeight, d2, d2);

        using var file = File.Create(Path.Combine(folder, Header));
        using var json = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteNumber("version", Version);
        json.WriteString("problem", parameters.Problem);
        json.WriteString("method", parameters.Method);
        json.WriteBoolean("symmetric", problem.Symmetric);
        json.WriteNumber("d1", d1);
        json.WriteNumber("d2", d2);
        json.WriteNumber("k", problem.Width);
        json.WriteNumber("m", m);
        json.WriteNumber("noise_level", problem.NoiseLevel);
        json.WriteNumber("suggested_step", problem.SuggestedStep);
        json.WriteStartObject("parameters");
        foreach (var (name, value) in Parameters(parameters))
            json.WriteNumber(name, value);
        json.WriteEndObject();
        json.WriteNumber("trial_seed", parameters.Seed);
        json.WriteNumber("method_seed", MethodSeed(new TrialSeed(parameters.Seed)));
        json.WriteNumber("timeout_seconds", timeoutSeconds);
        json.WriteStartObject("files");
        json.WriteString("A", Operator);
        json.WriteString("b", Data);
        json.WriteString("P", LeftWeight);
        json.WriteString("Q", RightWeight);
        json.WriteEndObject();
        json.WriteStartObject("answer");
        json.WriteString("factors", problem.Symmetric ? $"{AnswerFiles.Symmetric} ({d1} x k)" : $"{AnswerFiles.Left} ({d1} x k) and {AnswerFiles.Right} ({d2} x k)");
        json.WriteString("matrix", $"{AnswerFiles.Matrix} ({d1} x {d2}), instead of the factors");
        json.WriteString("metrics", $"{AnswerFiles.Metrics} (optional)");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>A_i = A^*(e_i): the i-th measurement matrix, whatever the family stores, so b_i = &lt;A_i, M&gt; + noise.</summary>
    private static double[] DenseOperator(IMatrixSensingProblem problem, CancellationToken cancellation)
    {
        var map = problem.Measurements;
        int m = map.Count, size = problem.D1 * problem.D2;
        var dense = new double[(long)m * size];
        var unit = new double[m];
        for (var i = 0; i < m; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            unit[i] = 1;
            map.AddAdjoint(unit, 1.0, dense.AsSpan(i * size, size));
            unit[i] = 0;
        }
        return dense;
    }

    /// <summary>The parameters a trial runs with, by spec name (absent ones left out).</summary>
    internal static IEnumerable<KeyValuePair<string, double>> Parameters(TrialParameters p)
    {
        var method = p.MethodParameters;
        (string, double?)[] all =
        [
            (ParameterNames.D1, p.D1), (ParameterNames.D2, p.D2), (ParameterNames.R, p.R), (ParameterNames.K, p.K),
            (ParameterNames.M, p.M), (ParameterNames.P, p.P), (ParameterNames.Noise, p.Noise), (ParameterNames.NoiseRelative, p.NoiseRelative),
            (ParameterNames.Depth, p.Depth), (ParameterNames.R2, p.R2), (ParameterNames.K2, p.K2), (ParameterNames.Sparsity, p.Sparsity),
            (ParameterNames.Lambda, method.Lambda), (ParameterNames.Alpha, method.Alpha), (ParameterNames.Rho, method.Rho),
            (ParameterNames.Step, method.Step), (ParameterNames.MaxIters, method.MaxIters),
        ];
        return all.Where(x => x.Item2 is not null).Select(x => new KeyValuePair<string, double>(x.Item1, x.Item2!.Value));
    }
}
