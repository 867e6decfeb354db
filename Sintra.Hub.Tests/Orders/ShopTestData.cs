using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Tests.Orders;

/// <summary>Ids of the channel, warehouse and variants that <see cref="ShopTestData.SeedAsync"/> creates.</summary>
public sealed record TestShop(Guid ChannelId, Guid WarehouseId, IReadOnlyDictionary<string, Guid> VariantIds);

/// <summary>Writes a Shopify channel with one warehouse and a catalog of variants with stock to the database.</summary>
public static class ShopTestData
{
    public const string ShopDomain = "bottega-test.myshopify.com";

    /// <summary>Creates the shop; each SKU gets <paramref name="onHand"/> units through the stock ledger.</summary>
    public static async Task<TestShop> SeedAsync(
        HubDbContext db,
        IEnumerable<string> skus,
        int onHand,
        string? protectedSecret = null,
        string? protectedPreviousSecret = null,
        string timeZone = "Europe/Rome")
    {
        var warehouse = new Warehouse { Code = "MIL", Name = "Magazzino Milano" };
        var channel = new SalesChannel
        {
            Name = "Bottega Test",
            ShopDomain = ShopDomain,
            WebhookSecretProtected = protectedSecret,
            PreviousWebhookSecretProtected = protectedPreviousSecret,
            OrderWarehouseId = warehouse.Id,
            TimeZone = timeZone,
        };
        var product = new Product { Handle = "tazza-ceramica", Title = "Tazza in ceramica" };
        var variants = skus.Select((sku, i) => new ProductVariant
        {
            ProductId = product.Id,
            Sku = sku,
            Option1 = $"Variante {i + 1}",
            Price = 12.50m,
            Position = i + 1,
        }).ToList();

        db.Warehouses.Add(warehouse);
        db.Channels.Add(channel);
        db.Products.Add(product);
        db.Variants.AddRange(variants);
        await db.SaveChangesAsync();

        var ledger = new StockLedger(db, TimeProvider.System);
        foreach (var variant in variants)
        {
            await ledger.SetOnHandAsync(
                variant.Id,
                warehouse.Id,
                onHand,
                MovementReason.InitialCount,
                new StockReference("test", "seed", "test"),
                CancellationToken.None);
        }

        await db.SaveChangesAsync();
        return new TestShop(channel.Id, warehouse.Id, variants.ToDictionary(v => v.Sku!, v => v.Id));
    }
}
