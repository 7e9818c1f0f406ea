using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace Sweeps.Hosting.Live;

/// <summary>
/// The page's files, embedded in this assembly (Live/wwwroot, resource names "live/{file}"): no CDN and
/// no files next to the executable, so the page works offline and from a single-file deployment.
/// </summary>
public static class LiveAssets
{
    private static readonly Assembly Assembly = typeof(LiveAssets).Assembly;

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8", [".js"] = "text/javascript; charset=utf-8", [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    /// <summary>The names of the embedded files.</summary>
    public static IEnumerable<string> Names =>
        Assembly.GetManifestResourceNames().Where(n => n.StartsWith("live/", StringComparison.Ordinal)).Select(n => n["live/".Length..]);

    public static IResult Serve(string name)
    {
        var stream = ContentTypes.ContainsKey(Path.GetExtension(name)) ? Assembly.GetManifestResourceStream("live/" + name) : null;
        return stream is null
            ? Results.Text($"'{name}' is not a file of the page.\n", statusCode: StatusCodes.Status404NotFound)
            : Results.Stream(stream, ContentTypes[Path.GetExtension(name)]);
    }
}
