using Microsoft.Playwright;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// Debian's Chromium (/usr/bin/chromium) driven by Playwright: no browser download. The machine's network is closed,
/// so everything that would reach out (sync, updates, QUIC) is off; otherwise Chromium waits on refused connections.
/// Screenshots go to TestResults/screenshots/; with BOARDS_UPDATE_SCREENSHOTS=1 to docs/screenshots/, which the README
/// shows (so an ordinary run does not rewrite committed images).
/// </summary>
public sealed class PortalBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private PortalBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static string ScreenshotFolder { get; } = FindScreenshotFolder();

    /// <summary>Chromium with the usual switches, and <paramref name="extraArguments"/> (the ingress test trusts its certificate so).</summary>
    public static async Task<PortalBrowser> LaunchAsync(params string[] extraArguments)
    {
        Assert.True(File.Exists(ChromiumPath), $"Chromium no está instalado en {ChromiumPath} (apt-get install chromium; ./test.sh lo instala).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", .. extraArguments,
            ],
            Timeout = 60_000,
        });
        return new PortalBrowser(playwright, browser);
    }

    /// <summary>A fresh browser session (no cookies) at a desktop or a phone's width.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            Locale = "es-PY",
        });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>A fresh browser session at a ten-inch tablet's size, with touch: the service-day tablet tests.</summary>
    public async Task<IPage> NewTabletPageAsync()
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 800, Height = 1280 },
            HasTouch = true,
            Locale = "es-PY",
        });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>Opens a portal page; the portal sends the person to the identity provider's login form, then back.</summary>
    public static async Task SignInAsync(IPage page, string portalUrl, string userName, string path = "/referencias", string? screenshot = null)
    {
        await page.GotoAsync(portalUrl + path);
        await page.WaitForSelectorAsync("#username");
        if (screenshot is not null)
        {
            await ScreenshotAsync(page, screenshot);
        }

        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", "demo");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => url.StartsWith(portalUrl + path, StringComparison.Ordinal));
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    /// <summary>A select when the list loaded; a text box when its service was down.</summary>
    public static async Task ChooseAsync(IPage page, string selector, string value)
    {
        var tag = await page.EvalOnSelectorAsync<string>(selector, "e => e.tagName");
        if (tag == "SELECT")
        {
            await page.SelectOptionAsync(selector, value);
        }
        else
        {
            await page.FillAsync(selector, value);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    private static string FindScreenshotFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Boards.sln")))
            {
                var folder = Environment.GetEnvironmentVariable("BOARDS_UPDATE_SCREENSHOTS") == "1"
                    ? Path.Combine(directory.FullName, "docs", "screenshots")
                    : Path.Combine(directory.FullName, "TestResults", "screenshots");
                return Directory.CreateDirectory(folder).FullName;
            }
        }

        return Directory.CreateTempSubdirectory("boards-screenshots-").FullName;
    }
}
