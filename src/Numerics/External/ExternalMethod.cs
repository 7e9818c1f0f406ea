namespace Sweeps.Numerics.External;

/// <summary>
/// A method that is a command (docs/EXTERNAL.md): per trial, the instance is written to a fresh temporary
/// folder, the command runs there with the folder as its last argument, and its answer is read back; the trial
/// runner then measures it like any built-in method's (same instance, same metrics). A command that exits
/// non-zero, writes a malformed answer, cannot start or whose scripts changed since the sweep was submitted ends
/// as <see cref="TrialStatus.MethodError"/>; one that outlives its timeout is killed (with its descendants) and
/// ends as <see cref="TrialStatus.Timeout"/>; non-finite answers become diverged in the runner. The folder is
/// always removed.
/// </summary>
public sealed class ExternalMethod(ExternalCommand command, TrialParameters trial) : IMethod
{
    /// <summary>The families whose instances are matrix sensing problems (<see cref="IMatrixSensingProblem"/>): what an external method can be given.</summary>
    public static IReadOnlyList<string> Problems { get; } = ["symmetric-sensing", "general-sensing", "bilinear-sensing", "matrix-completion"];

    public string Name => trial.Method;

    /// <summary>Every method parameter: all are passed through to the command.</summary>
    public IReadOnlyList<string> Parameters { get; } =
        [ParameterNames.Lambda, ParameterNames.Alpha, ParameterNames.Rho, ParameterNames.Step, ParameterNames.MaxIters];

    /// <summary>Every method parameter is passed through to the command (docs/EXTERNAL.md); values must be finite.</summary>
    public IReadOnlyList<string> Validate(MethodParameters parameters) => FiniteParameters(parameters);

    /// <summary>Each given method parameter must be finite (a command gets them as JSON numbers).</summary>
    internal static IReadOnlyList<string> FiniteParameters(MethodParameters parameters)
    {
        (string Name, double? Value)[] values =
        [
            (ParameterNames.Lambda, parameters.Lambda), (ParameterNames.Alpha, parameters.Alpha), (ParameterNames.Rho, parameters.Rho),
            (ParameterNames.Step, parameters.Step),
        ];
        return [.. values.Where(v => v.Value is { } x && !double.IsFinite(x)).Select(v => $"{v.Name}: {v.Value} is not allowed; it must be a finite number.")];
    }

    /// <summary>The checks of a trial with an external method (<see cref="TrialParameters.External"/> set): the problem, the command, its parameters.</summary>
    public static IReadOnlyList<string> Validate(TrialParameters trial)
    {
        var command = trial.External!;
        var errors = new List<string>();
        if (!Problems.Contains(trial.Problem))
            errors.Add($"problem: '{trial.Problem}' cannot be given to the external method {trial.Method}; allowed: {string.Join(", ", Problems)}.");
        errors.AddRange(CheckCommand(command, trial.Method));
        errors.AddRange(new ExternalMethod(command, trial).Validate(trial.MethodParameters));
        return errors;
    }

    public Solution Solve(IFactorizedProblem problem, MethodParameters parameters, TrialSeed seed, CancellationToken cancellation)
    {
        if (problem is not IMatrixSensingProblem sensing)
            throw new InvalidInstanceException($"an external method needs a matrix-sensing problem ({string.Join(", ", Problems)}), not '{problem.Family}'.");
        if (command.Changed("the script") is { } changed)
            return Failed(problem, TrialStatus.MethodError, changed);

        var folder = Directory.CreateTempSubdirectory("sweeps-external-").FullName;
        try
        {
            InstanceFolder.Write(folder, sensing, trial, command.TimeoutSeconds, cancellation);
            if (ExternalProcess.RunOn(command, folder, cancellation) is { } failure)
                return Failed(problem, failure.Status, failure.Reason);
            try
            {
                return AnswerFiles.Read(folder, sensing);
            }
            catch (FormatException e)
            {
                return Failed(problem, TrialStatus.MethodError, $"malformed answer: {e.Message}");
            }
        }
        finally
        {
            TryDelete(folder);
        }
    }

    /// <summary>Checks a command as a trial gives it: a program and non-empty arguments, a finite positive timeout.</summary>
    internal static IEnumerable<string> CheckCommand(ExternalCommand command, string field)
    {
        if (command.Command.Count == 0 || command.Command.Any(string.IsNullOrEmpty))
            yield return $"{field}.command: give the program and its arguments as a list of non-empty strings, e.g. [python3, my_method.py].";
        if (!(command.TimeoutSeconds > 0) || double.IsInfinity(command.TimeoutSeconds))
            yield return $"{field}.timeout: {command.TimeoutSeconds} is not allowed; it must be a positive number of seconds.";
    }

    /// <summary>No answer: NaN factors (so nothing is measured) with the status and reason.</summary>
    private static Solution Failed(IFactorizedProblem problem, TrialStatus status, string reason)
    {
        var theta = new double[problem.ParameterCount];
        Array.Fill(theta, double.NaN);
        return new Solution(theta, status, 0, reason);
    }

    internal static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A descendant that escaped the kill may still hold a file; the OS cleans the temp folder.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
