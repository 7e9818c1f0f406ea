using Microsoft.Playwright;
using Sweeps.Client.Tests.Live;
using Xunit.Abstractions;

namespace Sweeps.Browser.Tests;

/// <summary>
/// The live page in a real browser (issue #14): headless Chromium from Debian's chromium package
/// (scripts/test-services.sh installs it; Playwright never downloads a browser) opens the page of a
/// running embedded sweep, sees the heat map fill in through the event stream, hovers and clicks a
/// cell, reads a trial's `sweeps trial` command, and saves a screenshot into the test output
/// (live-page.png next to the test assembly). Any JavaScript error or console error fails the test.
/// </summary>
public sealed class LivePageBrowserTests(ITestOutputHelper output)
{
    private const string Chromium = "/usr/bin/chromium";

    /// <summary>The API tests' grid with more trials, so the sweep is still running when the browser has the page.</summary>
    private static readonly string Spec = ServedSweep.Spec.Replace("trials: 5", "trials: 12", StringComparison.Ordinal);

    private const string TrialsOnMap = "() => [...document.querySelectorAll('.facet rect.cell')].reduce((s, r) => s + Number(r.dataset.trials), 0)";

    [Fact]
    public async Task The_page_fills_in_live_and_a_click_shows_a_cell_trials_with_their_commands()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: scripts/test-services.sh installs Debian's chromium package.");
        await using var served = await ServedSweep.StartAsync(Spec);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"], // root in a container; no GPU
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1100, Height = 1000 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add($"page error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                errors.Add($"console error: {message.Text} ({message.Location})");
        };

        await page.GotoAsync(new Uri(served.Address, $"/live/#{ServedSweep.SweepId}").ToString());
        await page.WaitForSelectorAsync(".facet[data-method='flat-convex'] rect.cell");
        Assert.Equal(2, await page.Locator(".facet").CountAsync());
        Assert.Equal(24, await page.Locator(".facet[data-method='flat-convex'] rect.cell").CountAsync());
        var first = await page.EvaluateAsync<int>(TrialsOnMap);
        Assert.Contains("running", await page.InnerTextAsync("#status"));

        // The map changes while the sweep runs: pushed cells, not reloads (the event counter moves).
        await page.WaitForFunctionAsync($"() => ({TrialsOnMap})() > {first} && Number(document.body.dataset.updates || 0) > 0",
            null, new() { Timeout = 60_000, PollingInterval = 100 });
        var later = await page.EvaluateAsync<int>(TrialsOnMap);
        output.WriteLine($"trials on the map: {first} when the page opened, {later} a moment later");
        Assert.True(later > first);

        // Wait until a column with high m is done, so the picture shows the transition and a contour.
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.facet path.contour').length > 0",
            null, new() { Timeout = 60_000, PollingInterval = 200 });

        // Hover shows counts; a click lists the cell's trials, each with its reproduction command.
        var cell = page.Locator(".facet[data-method='flat-convex'] rect.cell:not([data-trials='0'])").First;
        await cell.HoverAsync();
        await page.WaitForSelectorAsync("#tooltip:not([hidden])");
        Assert.Contains("successes", await page.InnerTextAsync("#tooltip"));
        await cell.ClickAsync();
        var command = page.Locator("#trials td.command code").First;
        await command.WaitForAsync();
        var text = await command.InnerTextAsync();
        output.WriteLine($"first trial's command: {text}");
        Assert.Matches(@"^sweeps trial --problem symmetric-sensing --method flat-convex --d 8 --r \d+ --k 8 --m \d+ --seed \d+ --tolerance 0\.001$", text);
        Assert.Contains("successes", await page.InnerTextAsync("#detail-counts"));
        await cell.HoverAsync();

        var screenshot = Path.Combine(AppContext.BaseDirectory, "live-page.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"screenshot: {screenshot}");
        Assert.True(new FileInfo(screenshot).Length > 10_000);
        Assert.Empty(errors);
    }
}
