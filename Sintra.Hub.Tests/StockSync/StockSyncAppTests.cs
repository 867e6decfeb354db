using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Shopify.Sync;
using Sintra.Hub.Tests.Shopify.Fake;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.StockSync;

/// <summary>The real app's outbox job pushing to the fake shop, as wired in the composition root.</summary>
public sealed class StockSyncAppTests
{
    [Fact]
    public async Task AppJobPushesStockChange()
    {
        await using var shop = await FakeShopifyServer.StartAsync();
        var location = shop.Shop.AddLocation("Magazzino Verona");
        var item = shop.Shop.AddVariant("APP-1").InventoryItemId;
        shop.Shop.SetLevel(item, location.Id, onHand: 0);
        await using var app = new HubAppFactory(new Dictionary<string, string?> { ["StockSync:PollSeconds"] = "1" });
        _ = app.Server;

        var variantId = await SeedAsync(app, shop, location);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var warehouse = await db.Warehouses.SingleAsync(w => w.Code == "VR");
            await scope.ServiceProvider.GetRequiredService<StockLedger>().SetOnHandAsync(variantId, warehouse.Id, 14,
                MovementReason.Count, new StockReference(StockReferenceTypes.User, "count-1", "test"),
                CancellationToken.None);
            await db.SaveChangesAsync();
        }

        // The job polls every second, so the change reaches the shop and the row settles within a few polls.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        OutboxMessage? row = null;
        while (DateTime.UtcNow < deadline)
        {
            await using var check = app.CreateDbContext();
            row = await check.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.EntityId == variantId && m.Topic == OutboxTopics.StockChanged);
            if (row?.Status == OutboxStatus.Done)
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal(14, shop.Shop.GetLevel(item, location.Id)!.OnHand);
        Assert.NotNull(row);
        Assert.Equal(OutboxStatus.Done, row.Status);
        Assert.NotNull(row.IdempotencyKey);
    }

    private static async Task<Guid> SeedAsync(HubAppFactory app, FakeShopifyServer shop, FakeLocation location)
    {
        var warehouse = new Warehouse { Code = "VR", Name = "Verona" };
        var variant = new ProductVariant { Sku = "APP-1", Price = 25m, Position = 1 };
        var channel = new SalesChannel
        {
            Name = "Negozio Verona",
            ShopDomain = FakeShopifyServer.ShopDomain,
            OrderWarehouseId = warehouse.Id,
        };
        await using (var db = app.CreateDbContext())
        {
            db.Warehouses.Add(warehouse);
            db.Products.Add(new Product { Handle = "borsa", Title = "Borsa in pelle", Variants = [variant] });
            db.Channels.Add(channel);
            db.ShopifyLocations.Add(new ShopifyLocationMapping
            {
                ChannelId = channel.Id,
                LocationId = location.Id,
                LocationName = location.Name,
            });
            await db.SaveChangesAsync();
        }

        await using var scope = app.Services.CreateAsyncScope();
        var error = await scope.ServiceProvider.GetRequiredService<ChannelSyncSettingsService>().SaveAsync(
            channel.Id, shop.AccessToken, shop.BaseAddress.ToString(), pushEnabled: true, CancellationToken.None);
        Assert.Null(error);
        return variant.Id;
    }
}
