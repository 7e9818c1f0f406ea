using System.Diagnostics;
using System.Text.Json;

namespace Sweeps.Numerics.External;

/// <summary>
/// A problem that is a command (docs/EXTERNAL.md, "External-command problems"): per trial the command gets a fresh
/// folder holding <c>trial.json</c> (problem, method, parameters, trial seed and a seed for its own randomness) as its
/// last argument, draws its own instance, runs the method it was named and writes <c>result.json</c> with
/// <c>success</c> and any metrics. Sweeps computes nothing itself; the success rates, phase diagrams and transition
/// fits are built on the reported <c>success</c> as for built-in problems. Failures are statuses as for external methods.
/// </summary>
public static class ExternalProblem
{
    public const string Trial = "trial.json", Result = "result.json";

    public static TrialResult Run(ExternalCommand command, TrialParameters trial, Stopwatch clock, CancellationToken cancellation)
    {
        if (command.Changed("the problem's script") is { } changed)
            return TrialRunner.Unmeasured(TrialStatus.MethodError, changed, clock);
        var folder = Directory.CreateTempSubdirectory("sweeps-external-").FullName;
        try
        {
            WriteTrial(Path.Combine(folder, Trial), trial, command.TimeoutSeconds);
            if (ExternalProcess.RunOn(command, folder, cancellation) is { } failure)
                return TrialRunner.Unmeasured(failure.Status, failure.Reason, clock);
            try
            {
                return ReadResult(Path.Combine(folder, Result), clock);
            }
            catch (FormatException e)
            {
                return TrialRunner.Unmeasured(TrialStatus.MethodError, $"malformed answer: {e.Message}", clock);
            }
        }
        finally
        {
            ExternalMethod.TryDelete(folder);
        }
    }

    private static void WriteTrial(string path, TrialParameters trial, double timeoutSeconds)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("format", "sweeps-trial");
        json.WriteNumber("version", 1);
        json.WriteString("problem", trial.Problem);
        json.WriteString("method", trial.Method);
        json.WriteStartObject("parameters");
        foreach (var (name, value) in InstanceFolder.Parameters(trial))
            json.WriteNumber(name, value);
        json.WriteEndObject();
        json.WriteNumber("trial_seed", trial.Seed);
        json.WriteNumber("method_seed", InstanceFolder.MethodSeed(new TrialSeed(trial.Seed)));
        json.WriteNumber("timeout_seconds", timeoutSeconds);
        json.WriteString("answer", $"{Result}: {{ \"success\": true|false, \"rel_error\": x, \"iterations\": n, \"status\": \"converged\"|\"iteration-limit\"|\"diverged\", \"reason\": \"...\", \"metrics\": {{ \"name\": x }} }}, only success required");
        json.WriteEndObject();
    }

    /// <summary>result.json: <c>success</c> (required), optional rel_error, iterations, status, reason and metrics (extra trials.csv columns).</summary>
    private static TrialResult ReadResult(string path, Stopwatch clock)
    {
        if (!File.Exists(path))
            throw new FormatException($"{Result}: missing; write it into the trial folder.");
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new FormatException($"{Result}: must be a JSON object.");
            if (!root.TryGetProperty("success", out var success) || success.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                throw new FormatException($"{Result}: success must be true or false.");
            var relError = root.TryGetProperty("rel_error", out var e) ? Finite(e, "rel_error") : double.NaN;
            var iterations = root.TryGetProperty("iterations", out var it)
                ? it.TryGetInt32(out var n) && n >= 0 ? n : throw new FormatException($"{Result}: iterations must be a whole number >= 0.")
                : 0;
            var status = root.TryGetProperty("status", out var s) ? AnswerFiles.MethodStatus(s.GetString()) : TrialStatus.Converged;
            var extras = new List<KeyValuePair<string, double>>();
            if (root.TryGetProperty("metrics", out var metrics))
            {
                if (metrics.ValueKind != JsonValueKind.Object)
                    throw new FormatException($"{Result}: metrics must be an object of numbers.");
                foreach (var metric in metrics.EnumerateObject())
                    extras.Add(KeyValuePair.Create(MetricName(metric.Name), Finite(metric.Value, "metrics." + metric.Name)));
            }
            return new TrialResult
            {
                Status = status,
                Reason = root.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null,
                RelError = relError,
                Success = success.GetBoolean() && status != TrialStatus.Diverged,
                Loss = double.NaN,
                HessianTrace = double.NaN,
                FlatTraceAtTruth = double.NaN,
                BalanceGap = double.NaN,
                Rank = 0,
                Iterations = iterations,
                Seconds = clock.Elapsed.TotalSeconds,
                Extras = [.. extras.OrderBy(x => x.Key, StringComparer.Ordinal)],
            };
        }
        catch (JsonException e)
        {
            throw new FormatException($"{Result}: not valid JSON ({e.Message}).", e);
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException($"{Result}: {e.Message}", e);
        }
    }

    private static double Finite(JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.Number && value.GetDouble() is var x && double.IsFinite(x)
            ? x
            : throw new FormatException($"{Result}: {field} must be a finite number.");

    /// <summary>The trials.csv columns a metric may not take: the parameters and what a trial reports (TrialRow's columns).</summary>
    private static readonly HashSet<string> Taken =
    [
        .. ParameterNames.All, "cell", "trial", "problem", "method", "seed", "status", "rel_error", "success", "loss", "hessian_trace",
        "flat_trace_at_truth", "balance_gap", "rank", "iterations", "seconds", "reason",
    ];

    /// <summary>A metric becomes a trials.csv column: lowercase letters, digits and '_', not a column trials.csv already has.</summary>
    private static string MetricName(string name) =>
        !(name.Length is > 0 and <= 64 && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_') && name[0] is >= 'a' and <= 'z')
            ? throw new FormatException($"{Result}: metric '{name}' is not allowed; use lowercase letters, digits and '_', starting with a letter.")
            : Taken.Contains(name)
                ? throw new FormatException($"{Result}: metric '{name}' is not allowed; it is a trials.csv column already (give it another name).")
                : name;

}
