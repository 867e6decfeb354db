using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Infrastructure.Shopify.Admin;
using Sintra.Hub.Infrastructure.Shopify.Sync;
using Sintra.Hub.Tests.Shopify.Fake;

namespace Sintra.Hub.Tests.StockSync;

public sealed class ChannelFanOutTests
{
    private const string SetQuantities = ShopifyAdminDocuments.SetOnHandQuantitiesOperation;
    private const string Sku = "LAMPADA-3";

    [Fact]
    public async Task WarehouseChangeReachesEverySellingChannel()
    {
        await using var harness = await StockSyncHarness.StartAsync();
        await using var padua = await FakeShopifyServer.StartAsync(harness.Clock);
        await using var florence = await FakeShopifyServer.StartAsync(harness.Clock);
        var paduaWarehouse = new Warehouse { Code = "PD", Name = "Padova" };
        var florenceWarehouse = new Warehouse { Code = "FI", Name = "Firenze" };
        await using (var db = harness.CreateDbContext())
        {
            db.Warehouses.AddRange(paduaWarehouse, florenceWarehouse);
            await db.SaveChangesAsync();
        }

        // Padua sells from its own warehouse first and from Bologna second. Florence never sells from Bologna.
        var paduaLocation = await AddChannelAsync(harness, padua, "negozio-padova", paduaWarehouse.Id,
            [paduaWarehouse.Id, harness.Warehouse.Id]);
        var florenceLocation = await AddChannelAsync(harness, florence, "negozio-firenze", florenceWarehouse.Id,
            [florenceWarehouse.Id]);
        var variants = await harness.AddVariantsAsync(hubOnHand: 4, shopOnHand: 0, Sku);
        padua.Shop.SetLevel(padua.Shop.AddVariant(Sku).InventoryItemId, paduaLocation.Id, onHand: 0);
        florence.Shop.SetLevel(florence.Shop.AddVariant(Sku).InventoryItemId, florenceLocation.Id, onHand: 0);
        await harness.SetOnHandAsync(variants, 3, paduaWarehouse.Id);
        await harness.SetOnHandAsync(variants, 6, florenceWarehouse.Id);
        await harness.ProcessOutboxAsync();
        var bolognaCalls = harness.Server.RequestsFor(SetQuantities).Count;
        var paduaCalls = padua.RequestsFor(SetQuantities).Count;
        var florenceCalls = florence.RequestsFor(SetQuantities).Count;

        await harness.SetOnHandAsync(variants, 9, harness.Warehouse.Id);
        await harness.ProcessOutboxAsync();

        Assert.Equal(9, harness.Shop.GetLevel(ItemOf(harness.Shop), harness.Location.Id)!.OnHand);
        Assert.Equal(bolognaCalls + 1, harness.Server.RequestsFor(SetQuantities).Count);
        // Padua's single location carries its whole channel stock: 3 in Padua plus 9 in Bologna.
        Assert.Equal(12, padua.Shop.GetLevel(ItemOf(padua.Shop), paduaLocation.Id)!.OnHand);
        Assert.Equal(paduaCalls + 1, padua.RequestsFor(SetQuantities).Count);
        Assert.Equal("ok", padua.RequestsFor(SetQuantities)[^1].Outcome);
        Assert.Equal(florenceCalls, florence.RequestsFor(SetQuantities).Count);
        Assert.Equal(6, florence.Shop.GetLevel(ItemOf(florence.Shop), florenceLocation.Id)!.OnHand);
        Assert.All(await harness.OutboxAsync(), row => Assert.Equal(OutboxStatus.Done, row.Status));
    }

    private static async Task<FakeLocation> AddChannelAsync(StockSyncHarness harness, FakeShopifyServer server,
        string shopName, Guid orderWarehouseId, Guid[] sources)
    {
        var location = server.Shop.AddLocation($"Sede {shopName}");
        var channel = new SalesChannel
        {
            Name = shopName,
            ShopDomain = $"{shopName}.myshopify.com",
            OrderWarehouseId = orderWarehouseId,
        };
        for (var i = 0; i < sources.Length; i++)
        {
            channel.StockSources.Add(new ChannelStockSource { WarehouseId = sources[i], Priority = i + 1 });
        }

        await using (var db = harness.CreateDbContext())
        {
            db.Channels.Add(channel);
            await db.SaveChangesAsync();
        }

        var settings = harness.Services.GetRequiredService<IServiceScopeFactory>();
        await using var scope = settings.CreateAsyncScope();
        var sync = scope.ServiceProvider.GetRequiredService<ChannelSyncSettingsService>();
        Assert.Null(await harness.Clock.RunAsync(sync.SaveAsync(channel.Id, server.AccessToken,
            server.BaseAddress.ToString(), pushEnabled: true, CancellationToken.None)));
        Assert.Null(await sync.SaveMappingsAsync(channel.Id,
            [new LocationMappingInput(location.Id, location.Name, null)], CancellationToken.None));
        return location;
    }

    private static string ItemOf(FakeShop shop) => shop.FindVariant(Sku)!.InventoryItemId;
}
