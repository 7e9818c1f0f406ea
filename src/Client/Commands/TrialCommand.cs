using System.Globalization;
using System.Text.Json;
using Sweeps.Numerics;
using Sweeps.Client.Cli;
using Sweeps.Client.Output;
using Sweeps.Grains.Sweeps;
using Sweeps.Client.Specs;
using Sweeps.Numerics.External;
using Sweeps.Numerics.Methods;
using Sweeps.Numerics.Problems;
using Sweeps.Numerics.Trials;

namespace Sweeps.Client.Commands;

/// <summary>
/// `sweeps trial`: runs one trial in this process and prints its metrics. With --seed set to a
/// trials.csv seed value and the same parameters, it reproduces that trial bit for bit.
/// </summary>
public sealed class TrialCommand : ICommand
{
    /// <summary>Every spec parameter is an option (<see cref="ParameterTable"/>: --noise-relative for noise_relative).</summary>
    private static readonly string[] ValueOptions =
        ["problem", "method", .. ParameterTable.All.Select(p => p.Flag), "seed", "tolerance", "relative-to-noise", "timeout", "repeat"];

    public string Name => "trial";

    public string Summary => "run one trial in-process and print its metrics";

    public string Usage => $"""
        Usage: sweeps trial --problem P --d N --r R --m M --method NAME [options] [-- COMMAND ARGS...]

        Runs one trial of a recovery problem in this process and prints what a trial reports
        (the trials.csv columns). The instance (truth, measurements, noise, start) is a pure
        function of the parameters and --seed: the seed column of trials.csv reproduces that row.

          --problem P          {string.Join(" | ", Catalogs.Problems.Names)}
          --method NAME        {string.Join(" | ", Catalogs.Methods.Names)}
          {ParameterHelp()}
          --seed N             trial seed, 0 to 2^64-1 (default 1)
          --tolerance T        success: relative error <= T (default 1e-3)
          --relative-to-noise C  success: error <= C * sigma on noisy problems (C * S with --noise-relative)
          --json               print one JSON object keyed by the trials.csv column names
          --timeout S          seconds the external command may run (default {ExternalCommand.DefaultTimeoutSeconds})
          -- COMMAND ARGS...   an external method (docs/EXTERNAL.md): everything after -- is its command,
                               run on this trial's instance; --method names it (not a built-in name)
          --problem-command    the command after -- is an external problem's (--problem names it), run as the whole trial
          --repeat N           run the trial N times in this process and report the median `seconds`
                               on stderr (the steady-state cost, as a warm silo sees it; default 1)
        """;

    public Task<int> RunAsync(IReadOnlyList<string> args, Terminal terminal, CancellationToken cancellation)
    {
        var separator = args.ToList().IndexOf("--");
        var reader = new ArgumentReader(separator < 0 ? args : args.Take(separator), ValueOptions, ["json", "problem-command"]);
        var json = reader.Flag("json");
        var problem = reader.RequiredString("problem", $"allowed: {string.Join(", ", Catalogs.Problems.Names)}");
        var method = reader.RequiredString("method", $"allowed: {string.Join(", ", Catalogs.Methods.Names)}");
        var isProblem = reader.Flag("problem-command");
        var external = separator < 0 ? null : External(isProblem ? "problem" : "method", isProblem ? problem : method, args.Skip(separator + 1).ToList(), reader.Double("timeout"));
        if (external is null && reader.String("timeout") is not null)
            throw new UsageException("--timeout: only for an external method; give its command after --.");
        if (external is null && isProblem)
            throw new UsageException("--problem-command: give the problem's command after --.");
        var values = new Dictionary<string, double>();
        foreach (var parameter in ParameterTable.All)
        {
            if (reader.Double(parameter.Flag) is { } v)
                values[parameter.Name] = v;
        }
        var seed = reader.ULong("seed") ?? 1;
        var repeat = reader.Int("repeat", min: 1) ?? 1;
        var success = new SuccessCriterion(reader.Double("tolerance") ?? 1e-3, reader.Double("relative-to-noise"));
        if (reader.Positional.Count > 0)
            throw new UsageException($"'{reader.Positional[0]}': unexpected argument; options take the form --name value.");

        TrialParameters parameters;
        try
        {
            var trial = ParameterNames.ToTrialParameters(problem, method, values, success, seed);
            parameters = isProblem ? trial with { ExternalProblem = external } : trial with { External = external };
        }
        catch (ArgumentException e)
        {
            throw new UsageException(AsOption(e.Message));
        }
        var errors = TrialValidation.Validate(parameters);
        if (errors.Count > 0)
            throw new UsageException(string.Join(Environment.NewLine, errors.Select(AsOption)));

        var result = TrialRunner.Run(parameters, cancellation);
        if (repeat > 1)
            result = Repeat(parameters, result, repeat, terminal, cancellation);
        var row = TrialRow.Named(0, parameters, TrialRecords.From("", parameters.Method, 0, parameters.Seed, result));
        terminal.Out.WriteLine(json ? JsonSerializer.Serialize(row.ToDictionary(c => c.Name, c => c.Value)) : Table(row));
        return Task.FromResult(CommandLine.Ok);
    }

    /// <summary>The command after --, its scripts made absolute against the current folder and hashed, as a spec entry's are.</summary>
    private static ExternalCommand External(string kind, string name, List<string> command, double? timeout)
    {
        if (SpecParser.ExternalNameError(name, kind == "problem" ? Catalogs.Problems.Names : Catalogs.Methods.Names, kind) is { } error)
            throw new UsageException($"--{kind}: {error}");
        if (command.Count == 0)
            throw new UsageException("--: the external method's command is missing; give the program and its arguments after --.");
        if (timeout is <= 0)
            throw new UsageException($"--timeout: {timeout.Value.ToString(CultureInfo.InvariantCulture)} is not allowed; it must be a positive number of seconds.");
        var resolved = new SpecCommand(command, timeout ?? ExternalCommand.DefaultTimeoutSeconds, null).Resolve(Directory.GetCurrentDirectory());
        return new ExternalCommand(resolved.Command, resolved.Timeout, resolved.Sha256!);
    }

    /// <summary>Runs the trial <paramref name="repeat"/> times in all (the first given) and reports the median seconds; returns the last result.</summary>
    private static TrialResult Repeat(TrialParameters parameters, TrialResult first, int repeat, Terminal terminal, CancellationToken cancellation)
    {
        var seconds = new List<double> { first.Seconds };
        var last = first;
        while (seconds.Count < repeat)
        {
            last = TrialRunner.Run(parameters, cancellation);
            seconds.Add(last.Seconds);
        }
        terminal.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"repeat: {repeat} runs, median {FiniteMedian.Of(seconds):G4} s (min {seconds.Min():G4}, first {first.Seconds:G4}, max {seconds.Max():G4})"));
        return last;
    }

    /// <summary>One line per parameter: its option, meaning and default, from the parameter table.</summary>
    private static string ParameterHelp() =>
        string.Join(Environment.NewLine + "  ", ParameterTable.All.Select(p =>
            $"{$"--{p.Flag} {(p.Type == ParameterType.Integer ? "N" : "X")}",-21}{p.Summary} (default: {p.Default})"));

    /// <summary>Validation messages start with the spec field name; on the command line that is --name.</summary>
    private static string AsOption(string message)
    {
        var colon = message.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && ParameterNames.All.Concat(["problem", "method"]).Contains(message[..colon])
            ? "--" + message[..colon].Replace('_', '-') + message[colon..]
            : message;
    }

    private static string Table(IReadOnlyList<(string Name, object? Value)> row) =>
        string.Join(Environment.NewLine, row.Select(c => $"{c.Name,-20} {Format(c.Value)}"));

    private static string Format(object? value) => value switch
    {
        null => "",
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
