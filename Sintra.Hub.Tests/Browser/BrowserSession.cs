using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.Browser;

/// <summary>The real app on Kestrel at 127.0.0.1 on a free port, and Debian's Chromium driven by Playwright.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    /// <summary>Chromium binary: <c>SINTRA_TEST_CHROMIUM</c>, which the test script sets, or Debian's package.</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("SINTRA_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private BrowserSession(HubAppFactory factory, string baseUrl, IPlaywright playwright, IBrowser browser)
    {
        Factory = factory;
        BaseUrl = baseUrl;
        Playwright = playwright;
        Browser = browser;
    }

    public HubAppFactory Factory { get; }

    public string BaseUrl { get; }

    public IPlaywright Playwright { get; }

    public IBrowser Browser { get; }

    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public static async Task<BrowserSession> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var factory = new HubAppFactory(settings);
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel reported no server addresses.");
        var baseUrl = addresses.Addresses.First().TrimEnd('/');

        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        return new BrowserSession(factory, baseUrl, playwright, browser);
    }

    /// <summary>Opens a new page, signs in as the configured administrator and waits for the circuit of <paramref name="returnPath"/>.</summary>
    public async Task<IPage> SignInAsync(string returnPath = "/")
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new() { Width = 1400, Height = 900 } });
        await page.GotoAsync(BaseUrl + returnPath);
        await ScreenshotAsync(page, "login.png");
        await page.FillAsync("#email", TestUsers.AdminEmail);
        await page.FillAsync("#password", TestUsers.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        // The circuit's marker below is what the tests need. Waiting for the page's load event first once timed out
        // after 30 s on a busy machine, so only the navigation's commit is awaited here.
        await page.WaitForURLAsync(BaseUrl + returnPath, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await WaitForInteractiveAsync(page);
        return page;
    }

    /// <summary>Waits until Blazor's circuit has taken over the prerendered page, because earlier clicks are lost.</summary>
    public static Task WaitForInteractiveAsync(IPage page) =>
        page.WaitForSelectorAsync("[data-interactive='true']", new PageWaitForSelectorOptions { Timeout = 20_000 });

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(ScreenshotFolder, name),
            FullPage = true,
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        Factory.Dispose();
    }
}
