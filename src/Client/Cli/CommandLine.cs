namespace Sweeps.Client.Cli;

/// <summary>
/// The sweeps command line: picks the command by its verb, prints help, and maps errors to exit
/// codes (0 success, 1 failure of the work, 2 bad input, 130 interrupted).
/// </summary>
public sealed class CommandLine(IReadOnlyList<ICommand> commands, Terminal terminal)
{
    public const int Ok = 0, Failed = 1, BadInput = 2, Interrupted = 130;

    public async Task<int> RunAsync(string[] args, CancellationToken cancellation)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            if (args.Length > 1 && Find(args[1]) is { } topic)
                terminal.Out.WriteLine(topic.Usage);
            else
                terminal.Out.WriteLine(Overview());
            return args.Length == 0 ? BadInput : Ok;
        }
        if (args[0] is "--version")
        {
            terminal.Out.WriteLine($"sweeps {Output.SweepExport.Version(typeof(CommandLine))}");
            return Ok;
        }

        var command = Find(args[0]);
        if (command is null)
        {
            terminal.Error.WriteLine($"sweeps: '{args[0]}' is not a command; allowed: {string.Join(", ", commands.Select(c => c.Name))}. See 'sweeps --help'.");
            return BadInput;
        }
        var rest = args.Skip(1).ToArray();
        try
        {
            // Before help too: a plugin's methods and problems are listed with the built-ins.
            rest = PluginArgument.LoadAndStrip(rest);
            if (rest.Any(a => a is "--help" or "-h"))
            {
                terminal.Out.WriteLine(command.Usage);
                return Ok;
            }
            return await command.RunAsync(rest, terminal, cancellation);
        }
        catch (Numerics.Plugins.PluginException e)
        {
            terminal.Error.WriteLine($"sweeps {command.Name}: {e.Message}");
            return BadInput;
        }
        catch (UsageException e)
        {
            terminal.Error.WriteLine($"sweeps {command.Name}: {e.Message}");
            terminal.Error.WriteLine($"See 'sweeps {command.Name} --help'.");
            return BadInput;
        }
        catch (TimeoutException e)
        {
            // A cluster that does not answer: not bad input, the work could not be done.
            terminal.Error.WriteLine($"sweeps {command.Name}: {e.Message}");
            return Failed;
        }
        catch (OrleansException e)
        {
            // The cluster kept failing past the retries (silos stopping, a gateway gone): stored trials are safe.
            terminal.Error.WriteLine($"sweeps {command.Name}: the cluster did not answer: {e.Message} Finished trials are stored; run the command again once the silos are up.");
            return Failed;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            terminal.Error.WriteLine($"sweeps {command.Name}: interrupted.");
            return Interrupted;
        }
    }

    private ICommand? Find(string name) => commands.FirstOrDefault(c => c.Name == name);

    private string Overview() =>
        "sweeps: parameter sweeps for flat-minimum low-rank recovery (Orleans).\n\n" +
        "Usage: sweeps <command> [options]   (sweeps <command> --help for its options)\n" +
        $"Every command takes --plugins DIR (or {Numerics.Plugins.PluginRegistry.Variable}): .NET plugins adding methods and problems.\n\nCommands:\n" +
        string.Join("\n", commands.Select(c => $"  {c.Name,-10} {c.Summary}"));
}
