using System.Security.Cryptography;
using System.Text;

namespace Sweeps.Numerics.External;

/// <summary>
/// An external-command method (docs/EXTERNAL.md): the command line (program and arguments; the instance
/// folder is appended as the last argument), the wall-clock limit of one trial, and <see cref="Sha256"/>, the
/// content hash of the command's script files taken when the spec was loaded. A trial whose scripts no longer
/// hash to it is refused (status method-error), so a sweep never mixes results of two versions of a method.
/// </summary>
public sealed record ExternalCommand(IReadOnlyList<string> Command, double TimeoutSeconds, string Sha256)
{
    /// <summary>The default <c>timeout</c>: ten minutes per trial.</summary>
    public const double DefaultTimeoutSeconds = 600;

    /// <summary>
    /// The script files of a command: its arguments (after the program) that are absolute paths of existing files,
    /// and the program itself when it is such a file starting with "#!" (a script; an interpreter or other binary
    /// is not hashed). The spec loader makes relative paths absolute first.
    /// </summary>
    public static IReadOnlyList<string> ScriptFiles(IReadOnlyList<string> command) =>
        [.. command.Where((a, i) => Path.IsPathFullyQualified(a) && File.Exists(a) && (i > 0 || IsScript(a))).Distinct()];

    private static bool IsScript(string path)
    {
        using var stream = File.OpenRead(path);
        return stream.ReadByte() == '#' && stream.ReadByte() == '!';
    }

    /// <summary>
    /// The content hash of the script files: with one file its SHA-256 (as <c>sha256sum</c> prints it); with several,
    /// the SHA-256 of their <c>sha256sum</c> lines ("HASH  PATH\n", in command order); with none, the SHA-256 of nothing.
    /// </summary>
    public static string HashOf(IReadOnlyList<string> files)
    {
        if (files.Count == 1)
            return FileHash(files[0]);
        var lines = string.Concat(files.Select(f => $"{FileHash(f)}  {f}\n"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines)));
    }

    /// <summary>The hash of this command's script files as they are now.</summary>
    public string CurrentHash() => HashOf(ScriptFiles(Command));

    /// <summary>Why the command may not run here (its <paramref name="what"/> changed since the sweep was submitted), or null when its scripts still hash to <see cref="Sha256"/>.</summary>
    public string? Changed(string what)
    {
        var hash = CurrentHash();
        return hash == Sha256 ? null
            : $"{what} changed since the sweep was submitted (sha256 {hash[..12]}, the sweep has {Sha256[..Math.Min(12, Sha256.Length)]}); give the spec a new name to run the new version.";
    }

    private static string FileHash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
