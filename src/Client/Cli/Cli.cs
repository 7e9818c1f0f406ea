namespace Sweeps.Client;

/// <summary>The sweeps command line: dispatches to one command per verb.</summary>
public static class Cli
{
    public static int Run(string[] args)
    {
        Console.WriteLine("sweeps");
        return args.Length == 0 ? 0 : 2;
    }
}
