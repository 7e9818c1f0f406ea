using Sweeps.Client.Cli;
using Sweeps.Client.Commands;

using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C: stop cleanly (finished trials are already durable). Second: the default hard exit.
    if (interrupt.IsCancellationRequested) return;
    e.Cancel = true;
    interrupt.Cancel();
};

var commandLine = new CommandLine(
    [
        new RunCommand(), new ValidateCommand(), new PlotCommand(), new TheoryCommand(), new TrialCommand(),
        new ListCommand(), new StatusCommand(), new WatchCommand(), new CancelCommand(), new ExportCommand(),
    ], Terminal.Console);
return await commandLine.RunAsync(args, interrupt.Token);
