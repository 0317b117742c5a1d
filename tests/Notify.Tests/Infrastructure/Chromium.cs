using Microsoft.Playwright;

namespace Notify.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright, one browser per test class (an xunit class fixture). Playwright's own
/// browser download is never used: CI installs the <c>chromium</c> package (see .ci/run).
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where tests leave screenshots (the test output folder; docs/ holds copies).</summary>
    public static string ScreenshotPath(string name) => Path.Combine(AppContext.BaseDirectory, "screenshots", name);

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath, Headless = true, Args = Flags,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
    }

    /// <summary>A fresh browser profile (no cookies) the size of a phone, or of a desktop window.</summary>
    public Task<IBrowserContext> NewContextAsync(bool phone) => Browser.NewContextAsync(phone
        ? new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 }, DeviceScaleFactor = 2, IsMobile = true, HasTouch = true }
        : new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 800 } });
}
