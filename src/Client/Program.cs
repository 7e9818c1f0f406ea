return Sweeps.Client.Cli.Run(args);
