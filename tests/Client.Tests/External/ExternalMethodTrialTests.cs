using System.Diagnostics;
using Sweeps.Numerics.External;
using Sweeps.Numerics.Trials;

namespace Sweeps.Client.Tests.External;

/// <summary>One trial of an external method through <see cref="TrialRunner"/> (issue #16): cancellation, changed scripts, the matrix answer, the .npy format.</summary>
[Collection(ExternalScripts.Collection)]
public sealed class ExternalMethodTrialTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sweeps-external-trial-").FullName;

    public ExternalMethodTrialTests() => ExternalScripts.CopyTo(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Script(string name) => Path.Combine(_root, name);

    private static TrialParameters Trial(ExternalCommand command, ulong seed = 7) =>
        ParameterNames.ToTrialParameters("symmetric-sensing", "py", new Dictionary<string, double> { ["d"] = 6, ["r"] = 1, ["m"] = 18 }, new SuccessCriterion(), seed)
            with { External = command };

    private ExternalCommand Command(double timeout, params string[] arguments)
    {
        string[] line = [ExternalScripts.Python, .. arguments];
        return new ExternalCommand(line, timeout, ExternalCommand.HashOf(ExternalCommand.ScriptFiles(line)));
    }

    [Fact]
    public void Cancelling_a_trial_kills_the_command_and_removes_its_folder()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();
        Assert.ThrowsAny<OperationCanceledException>(() => TrialRunner.Run(Trial(Command(600, Script(ExternalScripts.Misbehave), "hang")), cancellation.Token));
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.5, 20);
        Assert.Empty(ExternalScripts.ProcessesMentioning(_root));
        Assert.Empty(ExternalScripts.InstanceFoldersOf("py", 7));
    }

    [Fact]
    public void A_script_that_changed_since_the_sweep_was_submitted_is_refused()
    {
        var command = Command(60, Script(ExternalScripts.GradientDescent));
        File.AppendAllText(Script(ExternalScripts.GradientDescent), "\n# edited\n");
        var result = TrialRunner.Run(Trial(command));
        Assert.Equal(TrialStatus.MethodError, result.Status);
        Assert.Contains("the script changed since the sweep was submitted", result.Reason, StringComparison.Ordinal);
        Assert.Equal(0, result.Iterations);
    }

    [Fact]
    public void A_missing_program_is_a_method_error()
    {
        var result = TrialRunner.Run(Trial(new ExternalCommand([Path.Combine(_root, "no-such-program")], 60, ExternalCommand.HashOf([]))));
        Assert.Equal(TrialStatus.MethodError, result.Status);
        Assert.Contains("could not start", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recovered_matrix_is_measured_like_its_factors()
    {
        // X = U U^T: Sweeps factors X itself; for symmetric sensing loss, error and tr Hess depend on U U^T only.
        var factors = TrialRunner.Run(Trial(Command(120, Script(ExternalScripts.GradientDescent))));
        var matrix = TrialRunner.Run(Trial(Command(120, Script(ExternalScripts.GradientDescent), "--matrix")));
        Assert.True(factors.Success, factors.Reason);
        Assert.Equal(factors.Status, matrix.Status);
        Assert.Equal(factors.Iterations, matrix.Iterations);
        Assert.Equal(factors.RelError, matrix.RelError, 1e-9);
        Assert.Equal(factors.Loss, matrix.Loss, 1e-12);
        Assert.Equal(factors.HessianTrace, matrix.HessianTrace, 1e-8 * factors.HessianTrace);
    }

    [Fact]
    public void Npy_files_round_trip_with_numpy()
    {
        var written = Path.Combine(_root, "written.npy");
        NpyFile.Write(written, [1.5, -2, 3e-300, double.MaxValue, 0, 7], 2, 3);
        var check = Path.Combine(_root, "check.py");
        File.WriteAllText(check, """
            import sys, numpy as np
            a = np.load(sys.argv[1])
            assert a.dtype == np.float64 and a.shape == (2, 3), (a.dtype, a.shape)
            assert a[0, 0] == 1.5 and a[0, 2] == 3e-300 and a[1, 0] == np.finfo(np.float64).max and a[1, 2] == 7
            np.save(sys.argv[2], np.asfortranarray(np.arange(24, dtype=np.float32).reshape(2, 3, 4)))
            np.save(sys.argv[3], np.arange(5, dtype=np.int64))
            """);
        var fortran = Path.Combine(_root, "fortran.npy");
        var integers = Path.Combine(_root, "integers.npy");
        ExternalScripts.RunPython(check, written, fortran, integers);

        var (data, shape) = NpyFile.Read(fortran);
        Assert.Equal([2, 3, 4], shape);
        Assert.Equal(Enumerable.Range(0, 24).Select(i => (double)i), data);
        var error = Assert.Throws<FormatException>(() => NpyFile.Read(integers));
        Assert.Contains("dtype '<i8' is not supported", error.Message, StringComparison.Ordinal);
    }
}
