using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sintra.Hub.Core.Integration;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Infrastructure.Integration;
using Sintra.Hub.Infrastructure.Outbox;
using Sintra.Hub.Tests.Browser;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.Integration;

public sealed class IntegrationBrowserTests
{
    [Fact]
    public async Task ApiKeyShownOnceInPage()
    {
        await using var session = await BrowserSession.StartAsync(ApiTestApp.Settings(null));
        var page = await session.SignInAsync("/settings/api-keys");

        await Input(page, "key-name").FillAsync("ERP Gestionale");
        await Input(page, "scope-stock:write").CheckAsync();
        await page.GetByTestId("create-key").ClickAsync();
        var shown = await page.GetByTestId("new-key").Locator("code").InnerTextAsync();
        await page.GetByTestId("api-keys").GetByText("ERP Gestionale").WaitForAsync();
        await BrowserSession.ScreenshotAsync(page, "api-keys.png");

        Assert.StartsWith(ApiKeyService.KeyStart, shown);
        await using (var db = session.Factory.CreateDbContext())
        {
            var stored = await db.ApiKeys.AsNoTracking().SingleAsync();
            Assert.Equal(ApiKeyService.Hash(shown[(shown.IndexOf('.') + 1)..]), stored.SecretHash);
            Assert.Equal("products:read stock:write", stored.Scopes);
        }

        await page.ReloadAsync();
        await BrowserSession.WaitForInteractiveAsync(page);
        await page.GetByTestId("api-keys").GetByText("ERP Gestionale").WaitForAsync();
        Assert.Equal(0, await page.GetByTestId("new-key").CountAsync());
        Assert.DoesNotContain(shown[(shown.IndexOf('.') + 1)..], await page.ContentAsync());
    }

    [Fact]
    public async Task WebhookLogShowsRetriedDelivery()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer(503);
        await using var session = await BrowserSession.StartAsync(ApiTestApp.Settings(null));
        var page = await session.SignInAsync("/settings/webhooks");

        await Input(page, "hook-url").FillAsync(receiver.Url);
        await page.GetByTestId("create-hook").ClickAsync();
        var secret = await page.GetByTestId("new-secret").Locator("code").InnerTextAsync();
        Assert.StartsWith("whsec_", secret);

        await using (var db = session.Factory.CreateDbContext())
        {
            var lines = await CatalogSeed.AddOrderLinesAsync(db, 1);
            var orderId = (await db.OrderLines.AsNoTracking().SingleAsync(l => l.Id == lines[0])).OrderId;
            db.OutboxMessages.Add(new OutboxMessage
            {
                Topic = OutboxTopics.OrderCreatedEvent,
                EntityId = orderId,
                CreatedAt = DateTime.UtcNow,
                NextAttemptAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var processor = session.Factory.Services.GetRequiredService<OutboxProcessor>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (receiver.Requests.Count < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "The delivery was not retried within 30 seconds.");
            await processor.ProcessDueAsync(default);
            await Task.Delay(100);
        }

        await page.GetByTestId("show-deliveries").ClickAsync();
        var row = page.GetByTestId("deliveries").Locator("tbody tr").First;
        await row.GetByText("response 200").WaitForAsync();
        Assert.Contains("response 200", await row.InnerTextAsync());
        await BrowserSession.ScreenshotAsync(page, "webhooks-log.png");

        await row.GetByTestId("redeliver").ClickAsync();
        var queued = 0;
        deadline = DateTime.UtcNow.AddSeconds(20);
        while (queued < 2 && DateTime.UtcNow < deadline)
        {
            await using var poll = session.Factory.CreateDbContext();
            queued = await poll.OutboxMessages.CountAsync(m => m.Topic == IntegrationTopics.WebhookDelivery);
            await Task.Delay(100);
        }

        Assert.Equal(2, queued);
        await using var check = session.Factory.CreateDbContext();
        var delivery = await check.WebhookDeliveries.AsNoTracking().SingleAsync();
        Assert.Equal(2, delivery.Attempts);
        Assert.Equal(WebhookDeliveryStatus.Pending, delivery.Status);
    }

    [Fact]
    public async Task ScalarPageLoadsOnlyLocalAssets()
    {
        await using var session = await BrowserSession.StartAsync(ApiTestApp.Settings(null));
        var page = await session.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new() { Width = 1400, Height = 900 } });
        var requested = new List<string>();
        page.Request += (_, request) =>
        {
            lock (requested)
            {
                requested.Add(request.Url);
            }
        };

        await page.GotoAsync(session.BaseUrl + "/api/docs");
        await page.GetByText("Sintra Hub API").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await page.GetByText("/api/v1/products").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Directory.CreateDirectory(BrowserSession.ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotFolder, "api-docs.png") });

        List<string> external;
        lock (requested)
        {
            Assert.Contains(requested, url => url.StartsWith(session.BaseUrl + "/openapi/v1.json", StringComparison.Ordinal));
            external = requested.Where(url => !url.StartsWith(session.BaseUrl + "/", StringComparison.Ordinal)
                && !url.StartsWith("data:", StringComparison.Ordinal) && !url.StartsWith("blob:", StringComparison.Ordinal)).ToList();
        }

        Assert.Empty(external);
    }

    /// <summary>Finds the input of a MudBlazor field, which puts the test id either on the input or on its wrapper.</summary>
    private static ILocator Input(IPage page, string testId) =>
        page.Locator($"input[data-testid='{testId}'], [data-testid='{testId}'] input").First;
}
