using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Sweeps.Hosting.Live;

/// <summary>
/// The live page's HTTP surface, read-only (no endpoint changes any state, so nothing needs a token):
/// <list type="bullet">
/// <item>GET / redirects to the page, GET /live/ and /live/{asset}: the page (assets embedded in this assembly)</item>
/// <item>GET /api/sweeps: the registered sweeps with counters</item>
/// <item>GET /api/sweeps/{id}: grid, methods, progress per method (rate, ETA), downloads, the transitions fitted so far</item>
/// <item>GET /api/sweeps/{id}/cells[?since=N]: per-cell aggregates updated after sequence N</item>
/// <item>GET /api/sweeps/{id}/trials?cell=N&amp;method=M: a cell's trials with their `sweeps trial` commands</item>
/// <item>GET /api/sweeps/{id}/events[?since=N]: server-sent events "cells" (changed aggregates only), then "transitions", and "progress"</item>
/// <item>GET /api/sweeps/{id}/files/{name}: trials.csv, trials.parquet, cells.csv, summary.json, transitions.csv of the output folder</item>
/// </list>
/// </summary>
public static class LiveEndpoints
{
    private static readonly TimeSpan RunningPeriod = TimeSpan.FromMilliseconds(500), FinalPeriod = TimeSpan.FromSeconds(2), KeepAlive = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapSweepsLive(this IEndpointRouteBuilder app, LiveOptions? options = null)
    {
        LiveSweeps? live = null;
        LiveSweeps Live() => live ??= new LiveSweeps(app.ServiceProvider.GetRequiredService<IGrainFactory>(), options ?? new LiveOptions());

        app.MapGet("/", () => Results.Redirect("/live/"));
        app.MapGet("/live/{asset?}", (string? asset) => LiveAssets.Serve(asset ?? "index.html"));
        app.MapGet("/api/sweeps", async () =>
            Json((await Live().ListAsync()).Select(p => new LiveSweepListItem(p.SweepId, LiveProgress.StatusName(p.Status), p.Done, p.Total, p.Successes))));
        app.MapGet("/api/sweeps/{id}", async (string id, CancellationToken cancellation) =>
        {
            var sweep = await RefreshedAsync(Live(), id, cancellation);
            return sweep?.Definition is { } d
                ? Json(LiveSweepDocument.Of(d, sweep.LiveProgress(), sweep.Transitions(), name => Live().File(id, name)))
                : NotFound(id);
        });
        app.MapGet("/api/sweeps/{id}/cells", async (string id, long? since, CancellationToken cancellation) =>
        {
            var sweep = await RefreshedAsync(Live(), id, cancellation);
            if (sweep?.Definition is null)
                return NotFound(id);
            var (cells, sequence) = sweep.CellsSince(since ?? 0);
            return Json(new LiveCellsDocument(sequence, cells));
        });
        app.MapGet("/api/sweeps/{id}/trials", async (string id, int? cell, string? method, CancellationToken cancellation) =>
        {
            var sweep = await RefreshedAsync(Live(), id, cancellation);
            if (sweep?.Definition is not { } d)
                return NotFound(id);
            if (d.Cells.FirstOrDefault(c => c.Index == cell) is not { } definition)
                return Results.Text($"cell: give the index of a cell of '{id}', 0 to {d.Cells.Length - 1}.\n", statusCode: StatusCodes.Status400BadRequest);
            if (method is null || !d.Methods.Contains(method))
                return Results.Text($"method: give one of {string.Join(", ", d.Methods)}.\n", statusCode: StatusCodes.Status400BadRequest);
            var records = await Live().Grains.GetGrain<Grains.Sweeps.ICellGrain>(Grains.Sweeps.GrainKeys.Cell(id, definition.Key, method)).GetRecords();
            return Json(LiveTrialsDocument.Of(d, definition, method, records));
        });
        app.MapGet("/api/sweeps/{id}/events", (string id, long? since, HttpContext http) => StreamAsync(Live(), id, since ?? 0, http));
        app.MapGet("/api/sweeps/{id}/files/{name}", (string id, string name) =>
            Live().File(id, name) is { } path
                ? Results.File(path, name.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/octet-stream", name)
                : Results.Text($"'{name}' is not an output file of sweep '{id}' here (downloads: {string.Join(", ", LiveSweeps.Downloads)}, once written).\n",
                    statusCode: StatusCodes.Status404NotFound));
        return app;
    }

    private static async Task<LiveSweep?> RefreshedAsync(LiveSweeps live, string id, CancellationToken cancellation)
    {
        var sweep = live.Get(id);
        await sweep.RefreshAsync(cancellation);
        return sweep.Definition is null ? null : sweep;
    }

    /// <summary>
    /// Server-sent events: "cells" with the aggregates changed since the last event (the event id is the
    /// sequence number, so a reconnecting EventSource resumes from Last-Event-ID) followed by "transitions"
    /// (every line, fitted again), "progress" when the
    /// counters moved, a comment every <see cref="KeepAlive"/> otherwise. Ends when the client or the host stops.
    /// </summary>
    private static async Task StreamAsync(LiveSweeps live, string id, long since, HttpContext http)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(
            http.RequestAborted, http.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        var cancellation = stop.Token;
        var sweep = await RefreshedAsync(live, id, cancellation);
        if (sweep is null)
        {
            await NotFound(id).ExecuteAsync(http);
            return;
        }
        if (long.TryParse(http.Request.Headers["Last-Event-ID"], out var lastEventId))
            since = lastEventId;
        if (since > sweep.CellsSince(long.MaxValue).Sequence)
            since = 0; // numbers of an earlier process: send everything
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        var lastProgress = "";
        var lastWrite = Environment.TickCount64;
        try
        {
            while (true)
            {
                await sweep.RefreshAsync(cancellation);
                var (cells, sequence) = sweep.CellsSince(since);
                var text = new System.Text.StringBuilder();
                if (cells.Length > 0)
                {
                    text.Append($"id: {sequence}\nevent: cells\ndata: {JsonSerializer.Serialize(new LiveCellsDocument(sequence, cells), LiveJson.Options)}\n\n");
                    text.Append($"event: transitions\ndata: {JsonSerializer.Serialize(sweep.Transitions(), LiveJson.Options)}\n\n");
                    since = sequence;
                }
                var progress = JsonSerializer.Serialize(sweep.LiveProgress(), LiveJson.Options);
                if (progress != lastProgress)
                {
                    text.Append($"event: progress\ndata: {progress}\n\n");
                    lastProgress = progress;
                }
                if (text.Length == 0 && Environment.TickCount64 - lastWrite > KeepAlive.TotalMilliseconds)
                    text.Append(": keep-alive\n\n");
                if (text.Length > 0)
                {
                    await http.Response.WriteAsync(text.ToString(), cancellation);
                    await http.Response.Body.FlushAsync(cancellation);
                    lastWrite = Environment.TickCount64;
                }
                await Task.Delay(sweep.Progress?.IsFinal == true ? FinalPeriod : RunningPeriod, cancellation);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The page closed or the host is stopping.
        }
    }

    private static IResult Json<T>(T value) => Results.Json(value, LiveJson.Options);

    private static IResult NotFound(string id) =>
        Results.Text($"sweep '{id}' was never started here.\n", statusCode: StatusCodes.Status404NotFound);
}
