using System.Text;

namespace Sweeps.Client.Tests.Live;

/// <summary>One server-sent event: its type ("message" when unnamed), data and id.</summary>
internal sealed record ServerSentEvent(string Type, string Data, string? Id);

/// <summary>Reads a text/event-stream response event by event (comments and keep-alives skipped).</summary>
internal sealed class ServerSentEvents(Stream stream) : IDisposable
{
    private readonly StreamReader _reader = new(stream, Encoding.UTF8);

    public async Task<ServerSentEvent?> NextAsync(CancellationToken cancellation)
    {
        string type = "message", id = "";
        var data = new StringBuilder();
        while (await _reader.ReadLineAsync(cancellation) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Length > 0)
                    return new ServerSentEvent(type, data.ToString(), id.Length > 0 ? id : null);
                continue;
            }
            if (line.StartsWith(':'))
                continue;
            var colon = line.IndexOf(':');
            var (field, value) = colon < 0 ? (line, "") : (line[..colon], line[(colon + 1)..].TrimStart(' '));
            switch (field)
            {
                case "event": type = value; break;
                case "id": id = value; break;
                case "data": data.Append(data.Length > 0 ? "\n" : "").Append(value); break;
            }
        }
        return null;
    }

    public void Dispose() => _reader.Dispose();
}
