using Sweeps.Client.Cli;
using Sweeps.Client.Commands;

namespace Sweeps.Client.Tests.Cli;

/// <summary>Runs the sweeps command line in-process with captured output.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var commandLine = new CommandLine([new TheoryCommand(), new TrialCommand(), new ValidateCommand(), new RunCommand(), new ListCommand()], new Terminal(output, error, false));
        var code = commandLine.RunAsync(args, CancellationToken.None).GetAwaiter().GetResult();
        return (code, output.ToString(), error.ToString());
    }
}
