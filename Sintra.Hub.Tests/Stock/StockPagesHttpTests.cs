using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Identity;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Infrastructure.Inventory;
using Sintra.Hub.Tests.Support;
using Sintra.Hub.Tests.Ui;

namespace Sintra.Hub.Tests.Stock;

/// <summary>The stock pages served over HTTP by the real app, prerendered for a signed-in user.</summary>
public sealed class StockPagesHttpTests : IDisposable
{
    private const string Password = "Magazzino-Password-2026!";

    private readonly HubAppFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task ShortfallPageListsLinesAndLevels()
    {
        var orderId = await SeedShortfallAsync();
        using var client = await SignInAsync("magazzino@sintra.test", HubRoles.Warehouse);

        var page = await client.GetStringAsync("/stock/shortfalls");
        var home = await client.GetStringAsync("/");

        Assert.Contains($"href=\"/orders/{orderId}\"", page);
        Assert.Contains("VA-S", page);
        Assert.Contains("data-testid=\"negative-levels\"", page);
        Assert.Contains("href=\"/stock/shortfalls\"", home);
        Assert.Contains("data-testid=\"count-shortfall-lines\">1<", home);
        Assert.Contains("data-testid=\"count-negative-levels\">1<", home);
    }

    [Fact]
    public async Task CheckPageListsFoundIssue()
    {
        await SeedShortfallAsync();
        await factory.Services.GetRequiredService<StockCheckRunner>().RunAsync("tests", CancellationToken.None);
        using var client = await SignInAsync("admin2@sintra.test", HubRoles.Admin);

        var page = await client.GetStringAsync("/stock/check");
        var home = await client.GetStringAsync("/");

        Assert.Contains("data-testid=\"issues\"", page);
        Assert.Contains("data-testid=\"repair-VA-S-MIL\"", page);
        Assert.Contains("data-testid=\"count-open-issues\">1<", home);
    }

    [Fact]
    public async Task AnonymousUserIsSentToSignIn()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/stock/check");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
    }

    /// <summary>Adds an open order line short by one unit and a level whose reserved exceeds its on hand.</summary>
    private async Task<Guid> SeedShortfallAsync()
    {
        await using var db = factory.CreateDbContext();
        var (warehouse, variants) = await CatalogSeed.AddAsync(db, "MIL", "VA-S");
        var lineId = (await CatalogSeed.AddOrderLinesAsync(db, 1)).Single();
        await db.OrderLines.Where(l => l.Id == lineId).ExecuteUpdateAsync(s => s
            .SetProperty(l => l.ShortfallQuantity, 1)
            .SetProperty(l => l.Sku, "VA-S")
            .SetProperty(l => l.VariantId, variants[0].Id));
        await new StockLedger(db, TimeProvider.System).SetOnHandAsync(
            variants[0].Id, warehouse.Id, 2, MovementReason.InitialCount, StockScene.Seed, default);
        await db.SaveChangesAsync();

        // Reserved beyond on hand with no reservation rows: a negative level and a stock check mismatch.
        await db.InventoryLevels.Where(l => l.VariantId == variants[0].Id)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Reserved, 3));
        return await db.OrderLines.Where(l => l.Id == lineId).Select(l => l.OrderId).SingleAsync();
    }

    private async Task<HttpClient> SignInAsync(string email, string role)
    {
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<HubUser>>();
            var user = new HubUser { UserName = email, Email = email };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }

        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await SignInForm.PostAsync(client, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
