using System.Globalization;
using System.Net;
using System.Text.Json;
using Sweeps.Client.Output;
using Sweeps.Client.Tests.Cli;
using Sweeps.Numerics.Statistics;

namespace Sweeps.Client.Tests.Live;

/// <summary>
/// The live page's JSON (issue #14) for a small embedded `sweeps run --serve`: the sweep list, the grid and
/// progress, the event stream while the sweep runs (only changed cells after the first snapshot), a cell's
/// trials whose commands reproduce them, downloads once the outputs exist, and no state-changing endpoint.
/// </summary>
public sealed class LiveApiTests
{
    private const int Cells = 24, Methods = 2, Trials = 5;

    [Fact]
    public async Task The_api_follows_a_running_sweep_and_its_commands_reproduce_its_trials()
    {
        await using var served = await ServedSweep.StartAsync();
        var http = served.Http;
        var api = new Uri(served.Address, "/api/sweeps/");

        var list = await GetJsonAsync(http, new Uri(served.Address, "/api/sweeps"));
        Assert.Contains(list.EnumerateArray(), s => s.GetProperty("id").GetString() == ServedSweep.SweepId);

        var sweep = await GetJsonAsync(http, new Uri(api, ServedSweep.SweepId));
        Assert.Equal("symmetric-sensing", sweep.GetProperty("problem").GetString());
        Assert.Equal(["m", "r"], sweep.GetProperty("axes").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Equal(Cells, sweep.GetProperty("cells").GetArrayLength());
        var methods = sweep.GetProperty("methods").EnumerateArray().ToList();
        Assert.Equal(["flat-convex", "gd-random-init[alpha=0.5]"], methods.Select(m => m.GetProperty("label").GetString()));
        Assert.Equal("gd-random-init", methods[1].GetProperty("method").GetString());
        var progress = sweep.GetProperty("progress");
        Assert.Equal(Cells * Methods * Trials, progress.GetProperty("total").GetInt64());
        Assert.All(progress.GetProperty("methods").EnumerateArray(), m => Assert.Equal(Cells * Trials, m.GetProperty("total").GetInt64()));

        // The stream: a first event with every cell, then only cells that changed, while the sweep runs.
        using (var response = await http.GetAsync(new Uri(api, $"{ServedSweep.SweepId}/events"), HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
            using var events = new ServerSentEvents(await response.Content.ReadAsStreamAsync());
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            var trials = new Dictionary<(int, string), int>();
            var cellEvents = new List<JsonElement>();
            var sawRunning = false;
            long lastSequence = 0;
            var (lastType, transitionEvents) = ("", 0);
            while (await events.NextAsync(timeout.Token) is { } e)
            {
                var data = JsonDocument.Parse(e.Data).RootElement;
                if (e.Type == "progress")
                {
                    sawRunning |= data.GetProperty("status").GetString() == "running";
                    if (data.GetProperty("status").GetString() == "completed")
                        break;
                    continue;
                }
                if (e.Type == "transitions")
                {
                    // Every line refitted after each cells event: 3 values of r x 2 methods along m.
                    Assert.Equal("cells", lastType);
                    Assert.Equal("m", data.GetProperty("axis").GetString());
                    Assert.Equal(3 * Methods, data.GetProperty("lines").GetArrayLength());
                    Assert.All(data.GetProperty("lines").EnumerateArray(), l => Assert.Contains(l.GetProperty("fit").GetString(), TransitionStatus.All));
                    transitionEvents++;
                    lastType = e.Type;
                    continue;
                }
                Assert.Equal("cells", e.Type);
                lastType = e.Type;
                var sequence = data.GetProperty("sequence").GetInt64();
                Assert.True(sequence > lastSequence, $"sequence {sequence} after {lastSequence}");
                Assert.Equal(sequence.ToString(CultureInfo.InvariantCulture), e.Id);
                lastSequence = sequence;
                cellEvents.Add(data);
                foreach (var cell in data.GetProperty("cells").EnumerateArray())
                {
                    var key = (cell.GetProperty("cell").GetInt32(), cell.GetProperty("method").GetString()!);
                    var count = cell.GetProperty("trials").GetInt32();
                    Assert.True(count >= trials.GetValueOrDefault(key), $"cell {key} went from {trials.GetValueOrDefault(key)} to {count} trials");
                    Assert.InRange(count, 0, Trials);
                    trials[key] = count;
                    var successes = cell.GetProperty("successes").GetInt32();
                    if (count > 0)
                        Assert.InRange(successes / (double)count, cell.GetProperty("ci_low").GetDouble(), cell.GetProperty("ci_high").GetDouble());
                }
            }
            Assert.True(sawRunning, "no progress event while running");
            Assert.Equal(Cells * Methods, cellEvents[0].GetProperty("cells").GetArrayLength());
            Assert.True(cellEvents.Count >= 2, $"only {cellEvents.Count} cells events");
            Assert.InRange(transitionEvents, cellEvents.Count - 1, cellEvents.Count);
            Assert.All(cellEvents.Skip(1), c => Assert.InRange(c.GetProperty("cells").GetArrayLength(), 1, Cells * Methods - 1));
        }

        // A cell's trials: each command, run as it stands, gives the trial's error bit for bit.
        var cellsNow = await GetJsonAsync(http, new Uri(api, $"{ServedSweep.SweepId}/cells"));
        Assert.Equal(Cells * Methods, cellsNow.GetProperty("cells").GetArrayLength());
        var page = await GetJsonAsync(http, new Uri(api, $"{ServedSweep.SweepId}/trials?cell=5&method={Uri.EscapeDataString("gd-random-init[alpha=0.5]")}"));
        Assert.Equal(5, page.GetProperty("cell").GetInt32());
        var rows = page.GetProperty("trials").EnumerateArray().ToList();
        Assert.Equal(Trials, rows.Count);
        foreach (var row in rows.Take(2))
        {
            var command = row.GetProperty("command").GetString()!;
            Assert.StartsWith("sweeps trial --problem symmetric-sensing --method gd-random-init ", command);
            Assert.Contains($"--seed {row.GetProperty("seed").GetString()}", command);
            Assert.Contains("--alpha 0.5", command);
            var (code, output, error) = CliRunner.Run([.. command.Split(' ').Skip(1), "--json"]);
            Assert.True(code == 0, error);
            var rerun = JsonDocument.Parse(output).RootElement;
            Assert.Equal(row.GetProperty("rel_error").GetDouble(), rerun.GetProperty("rel_error").GetDouble());
        }

        // Outputs are offered once written; nothing else of the folder is.
        await served.WaitForCompletionAsync(TimeSpan.FromSeconds(60));
        sweep = await GetJsonAsync(http, new Uri(api, ServedSweep.SweepId));
        var downloads = sweep.GetProperty("downloads").EnumerateArray().Select(d => d.GetProperty("name").GetString()).ToList();
        Assert.Contains("cells.csv", downloads);
        Assert.Contains("trials.csv", downloads);
        // The run writes transitions.csv, and the live transitions of the finished sweep are its rows.
        Assert.Contains("transitions.csv", downloads);
        AssertLinesAreRows(sweep.GetProperty("transitions"), await File.ReadAllTextAsync(Path.Combine(served.Output, "transitions.csv")));
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(served.Output, "transitions.csv")),
            await http.GetStringAsync(new Uri(api, $"{ServedSweep.SweepId}/files/transitions.csv")));
        var csv = await http.GetStringAsync(new Uri(api, $"{ServedSweep.SweepId}/files/cells.csv"));
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(served.Output, "cells.csv")), csv);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(api, $"{ServedSweep.SweepId}/files/manifest.json"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(api, $"{ServedSweep.SweepId}/files/..%2Fspec.yaml"))).StatusCode);

        // Bad requests name what is allowed; unknown sweeps are 404; nothing accepts a POST.
        var badCell = await http.GetAsync(new Uri(api, $"{ServedSweep.SweepId}/trials?cell=99&method=flat-convex"));
        Assert.Equal(HttpStatusCode.BadRequest, badCell.StatusCode);
        Assert.Contains("cell:", await badCell.Content.ReadAsStringAsync());
        var badMethod = await http.GetAsync(new Uri(api, $"{ServedSweep.SweepId}/trials?cell=0&method=sam"));
        Assert.Contains("flat-convex, gd-random-init[alpha=0.5]", await badMethod.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(api, "no-such-sweep"))).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await http.PostAsync(new Uri(api, $"{ServedSweep.SweepId}/events"), null)).StatusCode);

        Assert.Equal(0, await served.StopAsync());
    }

    [Fact]
    public async Task The_page_and_its_assets_come_from_the_assembly()
    {
        await using var served = await ServedSweep.StartAsync();
        var root = await served.Http.GetAsync(served.Address);
        Assert.Equal("/live/", root.RequestMessage!.RequestUri!.AbsolutePath);
        var html = await root.Content.ReadAsStringAsync();
        Assert.Contains("<script src=\"app.js\"", html);
        Assert.DoesNotContain("https://", html);
        var js = await served.Http.GetAsync(new Uri(served.Address, "/live/app.js"));
        Assert.Equal("text/javascript", js.Content.Headers.ContentType?.MediaType);
        Assert.Contains("EventSource", await js.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await served.Http.GetAsync(new Uri(served.Address, "/live/secrets.txt"))).StatusCode);
    }

    /// <summary>The live lines equal transitions.csv's rows, in order: coordinates, method, axis, statistics (null for an empty field).</summary>
    private static void AssertLinesAreRows(JsonElement transitions, string csv)
    {
        var rows = csv.TrimEnd('\n').Split('\n').Select(r => r.Split(',')).ToList();
        var header = rows[0];
        var lines = transitions.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(rows.Count - 1, lines.Count);
        Assert.Equal(3 * Methods, lines.Count);
        Assert.Contains(lines, l => l.GetProperty("theory").ValueKind == JsonValueKind.Number);
        foreach (var (row, line) in rows.Skip(1).Zip(lines))
        {
            foreach (var (column, field) in header.Zip(row))
            {
                // A coordinate the line's method does not set (another method's own parameter) is an empty field.
                var value = column == "method" || TransitionTable.Statistics.Contains(column) ? line.GetProperty(column)
                    : line.GetProperty("coordinates").TryGetProperty(column, out var v) ? v : default;
                var text = value.ValueKind switch
                {
                    JsonValueKind.Null or JsonValueKind.Undefined => "",
                    JsonValueKind.String => value.GetString(),
                    _ => value.GetDouble().ToString("R", CultureInfo.InvariantCulture),
                };
                var same = field == text || (value.ValueKind == JsonValueKind.Number && field.Length > 0
                    && double.Parse(field, CultureInfo.InvariantCulture) == value.GetDouble());
                Assert.True(same, $"{column}: csv '{field}', live '{text}'");
            }
        }
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient http, Uri uri)
    {
        using var response = await http.GetAsync(uri);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{uri}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
