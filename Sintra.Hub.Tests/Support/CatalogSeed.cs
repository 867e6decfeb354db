using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Tests.Support;

/// <summary>Adds the smallest catalog a stock test needs: one product with the given SKUs and one warehouse.</summary>
public static class CatalogSeed
{
    public static async Task<(Warehouse Warehouse, List<ProductVariant> Variants)> AddAsync(
        HubDbContext db,
        string warehouseCode,
        params string[] skus)
    {
        var warehouse = new Warehouse { Code = warehouseCode, Name = $"Warehouse {warehouseCode}" };
        var product = new Product
        {
            Handle = $"product-{Guid.NewGuid():N}",
            Title = "Test product",
            Variants = skus.Select((sku, i) => new ProductVariant { Sku = sku, Price = 10m, Position = i + 1 }).ToList(),
        };
        db.Warehouses.Add(warehouse);
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return (warehouse, product.Variants);
    }

    /// <summary>Adds a channel and one order with <paramref name="count"/> lines; returns the line ids.</summary>
    public static async Task<List<Guid>> AddOrderLinesAsync(HubDbContext db, int count)
    {
        var channel = new SalesChannel { Name = "Test shop", ShopDomain = $"shop-{Guid.NewGuid():N}.myshopify.com" };
        var order = new Order
        {
            ChannelId = channel.Id,
            ExternalId = Random.Shared.NextInt64(1, long.MaxValue),
            Name = "#1001",
            Currency = "EUR",
            PresentmentCurrency = "EUR",
            Lines = Enumerable.Range(1, count).Select(i => new OrderLine { ExternalId = i, Title = $"Line {i}", Quantity = 1 }).ToList(),
        };
        db.Channels.Add(channel);
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return order.Lines.Select(l => l.Id).ToList();
    }
}
