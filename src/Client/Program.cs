using System.Runtime.InteropServices;
using Sweeps.Client.Cli;
using Sweeps.Client.Commands;

using var interrupt = new CancellationTokenSource();

// Ctrl+C (SIGINT) and SIGTERM stop cleanly: finished trials are already durable. A second signal
// falls through to the default, immediate exit.
void Stop(PosixSignalContext context)
{
    if (interrupt.IsCancellationRequested) return;
    context.Cancel = true;
    interrupt.Cancel();
}
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

var commandLine = new CommandLine(
    [
        new RunCommand(), new ValidateCommand(), new PlotCommand(), new TheoryCommand(), new TrialCommand(),
        new TransitionsCommand(), new ListCommand(), new StatusCommand(), new WatchCommand(), new CancelCommand(), new ExportCommand(),
    ], Terminal.Console);
return await commandLine.RunAsync(args, interrupt.Token);
