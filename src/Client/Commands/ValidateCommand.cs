using Sweeps.Client.Cli;
using Sweeps.Client.Specs;

namespace Sweeps.Client.Commands;

/// <summary>`sweeps validate SPEC`: checks a spec completely without running anything.</summary>
public sealed class ValidateCommand : ICommand
{
    public string Name => "validate";

    public string Summary => "check a sweep spec without running it";

    public string Usage => """
        Usage: sweeps validate SPEC.yaml

        Checks everything about a spec before any work: fields, names, types, ranges, every cell of
        the grid against its problem family and methods, and the grid's size. Prints the sweep id
        and the size of the work; on errors prints each (field, value, what is allowed) and exits 2.
        """;

    public Task<int> RunAsync(IReadOnlyList<string> args, Terminal terminal, CancellationToken cancellation)
    {
        var reader = new ArgumentReader(args, [], []);
        var spec = SpecArguments.Load(reader, terminal);
        if (spec is null) return Task.FromResult(CommandLine.BadInput);
        var d = spec.Definition;
        terminal.Out.WriteLine($"ok: sweep '{spec.SweepId}', {d.Problem}, {d.Cells.Length} cells x {d.Methods.Length} methods x {d.Trials} trials = {d.TotalTrials} trials{(spec.Adaptive is { } a ? $", {a}" : "")}");
        return Task.FromResult(CommandLine.Ok);
    }
}
