using System.Text;

namespace Sweeps.Client.Output;

/// <summary>
/// Writes a file so that readers see either the old content or the complete new one: the data
/// goes to a temporary file in the same folder, is flushed to disk, and is renamed over the
/// target (a rename within one file system is atomic). A failed write deletes the temporary file.
/// </summary>
public static class AtomicFile
{
    /// <summary>Temporary files are named "&lt;target&gt;.&lt;random&gt;.tmp".</summary>
    public const string TempSuffix = ".tmp";

    public static async Task WriteAsync(string path, Func<Stream, Task> write)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = $"{full}.{Guid.NewGuid():N}{TempSuffix}";
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await write(stream);
                await stream.FlushAsync();
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public static Task WriteTextAsync(string path, string text) =>
        WriteAsync(path, stream => stream.WriteAsync(new UTF8Encoding(false).GetBytes(text)).AsTask());
}
