using System.Globalization;
using System.Text.Json;
using Sweeps.Client.Cli;
using Sweeps.Numerics.Theory;

namespace Sweeps.Client.Commands;

/// <summary>
/// `sweeps theory`: the statistical dimension of the descent cone at a rank-r truth
/// (docs/SCIENCE.md section 5): about the number of Gaussian measurements at which convex
/// recovery succeeds half the time.
/// </summary>
public sealed class TheoryCommand : ICommand
{
    private static readonly string[] Problems = ["general-sensing", "symmetric-sensing"];

    public string Name => "theory";

    public string Summary => "print the statistical-dimension recovery threshold";

    public string Usage => """
        Usage: sweeps theory --problem general-sensing|symmetric-sensing --d N --r R [--json]
               sweeps theory --problem general-sensing --d1 N --d2 N --r R [--json]

        Prints the statistical dimension delta = E dist^2(G, cone of the subdifferential), exactly
        (ALMT 2014, Prop. 4.1), and its upper bound of docs/SCIENCE.md 5, of the descent cone of the nuclear norm
        (general, d1 x d2) or of trace + PSD constraint (symmetric, d x d) at a rank-r truth:
        Gaussian measurements m ~ delta give recovery with probability about 1/2. For symmetric
        problems it also prints the PSD feasibility threshold r(r+1)/2 + r(d-r) + (d-r)(d-r+1)/4,
        above which every PSD interpolant is the truth. Expectations are Monte Carlo with a fixed
        seed: the same value every run, on every machine.

          --json   one object: {"problem", "d1", "d2", "r", "statistical_dimension", "statistical_dimension_bound"[, "psd_feasibility"]}
        """;

    public Task<int> RunAsync(IReadOnlyList<string> args, Terminal terminal, CancellationToken cancellation)
    {
        var reader = new ArgumentReader(args, ["problem", "d", "d1", "d2", "r"], ["json"]);
        var json = reader.Flag("json");
        var problem = reader.RequiredString("problem", $"allowed: {string.Join(", ", Problems)}");
        if (!Problems.Contains(problem))
            throw new UsageException($"--problem: '{problem}' is not allowed; allowed: {string.Join(", ", Problems)}.");
        var d = reader.Int("d", min: 1);
        var d1 = reader.Int("d1", min: 1) ?? d ?? throw new UsageException("--d: missing; give --d N (or --d1 and --d2 for general-sensing).");
        var d2 = reader.Int("d2", min: 1) ?? d ?? d1;
        var r = reader.Int("r", min: 1) ?? throw new UsageException("--r: missing; the rank of the truth, 1 <= r <= min(d1, d2).");
        if (d is not null && (d1 != d || d2 != d))
            throw new UsageException($"--d: {d} contradicts --d1/--d2; give either --d or --d1 and --d2.");
        if (r > Math.Min(d1, d2))
            throw new UsageException($"--r: {r} is not allowed; it must be between 1 and min(d1, d2) = {Math.Min(d1, d2)}.");
        var symmetric = problem == "symmetric-sensing";
        if (symmetric && d1 != d2)
            throw new UsageException($"--d1/--d2: symmetric-sensing needs a square matrix; got {d1} x {d2}.");

        var theory = StatisticalDimension.Default;
        var delta = symmetric ? theory.SymmetricPsd(d1, r) : theory.General(d1, d2, r);
        var bound = symmetric ? theory.SymmetricPsdBound(d1, r) : theory.GeneralBound(d1, d2, r);
        double? feasibility = symmetric ? StatisticalDimension.PsdFeasibility(d1, r) : null;
        if (json)
        {
            var o = new Dictionary<string, object> { ["problem"] = problem, ["d1"] = d1, ["d2"] = d2, ["r"] = r, ["statistical_dimension"] = delta, ["statistical_dimension_bound"] = bound };
            if (feasibility is { } f) o["psd_feasibility"] = f;
            terminal.Out.WriteLine(JsonSerializer.Serialize(o));
        }
        else
        {
            var shape = symmetric ? $"{d1} x {d1} PSD" : $"{d1} x {d2}";
            terminal.Out.WriteLine($"{problem}, {shape}, rank {r}, {d1 * d2} entries");
            terminal.Out.WriteLine($"statistical dimension (50% recovery at m ~ delta): {delta.ToString("F1", CultureInfo.InvariantCulture)}");
            terminal.Out.WriteLine($"its upper bound min_tau E dist^2 (the finite-size formula of SCIENCE.md 5): {bound.ToString("F1", CultureInfo.InvariantCulture)}");
            if (feasibility is { } f)
                terminal.Out.WriteLine($"PSD feasibility threshold (every PSD interpolant is the truth): {f.ToString("F1", CultureInfo.InvariantCulture)}");
        }
        return Task.FromResult(CommandLine.Ok);
    }
}
