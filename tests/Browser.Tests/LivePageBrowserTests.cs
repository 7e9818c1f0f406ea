using Microsoft.Playwright;
using Sweeps.Client.Tests.Live;
using Xunit.Abstractions;

namespace Sweeps.Browser.Tests;

/// <summary>
/// The live page in a real browser (issue #14): headless Chromium from Debian's chromium package
/// (scripts/test-services.sh installs it; Playwright never downloads a browser) opens the page of a
/// running embedded sweep, sees the heat map fill in through the event stream, hovers and clicks a
/// cell, reads a trial's `sweeps trial` command, sees the fitted transition curve and the theory curve, and saves a screenshot into the test output
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

        // Once enough cells are done, the fitted 50% curve (with its band) and the theory curve of the live
        // transitions sit on the maps (x = m, y = r), inside the grid, with their legend.
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.facet path.fitted').length > 0 && document.querySelectorAll('.facet path.theory').length > 0",
            null, new() { Timeout = 90_000, PollingInterval = 200 });
        var inside = await page.EvaluateAsync<bool>("""
            () => [...document.querySelectorAll('.facet')].every(f => {
              const cells = [...f.querySelectorAll('rect.cell')].map(r => r.getBBox());
              const grid = { left: Math.min(...cells.map(b => b.x)), right: Math.max(...cells.map(b => b.x + b.width)) };
              return [...f.querySelectorAll('circle.fitted-point')].every(c => c.cx.baseVal.value >= grid.left && c.cx.baseVal.value <= grid.right);
            })
            """);
        Assert.True(inside, "a fitted 50% point lies outside its grid");
        Assert.Contains("fitted 50% (95% band)", await page.InnerTextAsync("#transitions"));
        Assert.Contains("theory", await page.InnerTextAsync("#transitions"));

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
        // For the screenshot, a tooltip beside the maps (top right cell), not over them.
        await page.Locator(".facet[data-method='gd-random-init[alpha=0.5]'] rect.cell[data-x='7'][data-y='2']").HoverAsync();

        var screenshot = Path.Combine(AppContext.BaseDirectory, "live-page.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"screenshot: {screenshot}");
        Assert.True(new FileInfo(screenshot).Length > 10_000);
        Assert.Empty(errors);
    }
}
