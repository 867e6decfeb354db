using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Persistence;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.Admin;

/// <summary>A fresh database (SQLite unless a test asks for PostgreSQL) with helpers that insert invented rows.</summary>
public sealed class AdminData : IAsyncDisposable, IDbContextFactory<HubDbContext>
{
    private AdminData(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }

    public static async Task<AdminData> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite) =>
        new(await TestDatabase.CreateAsync(provider));

    public HubDbContext CreateDbContext() => Database.CreateDbContext();

    public async Task<Warehouse> AddWarehouseAsync(string code, string name = "Magazzino", bool isActive = true)
    {
        var warehouse = new Warehouse { Code = code, Name = name, IsActive = isActive };
        await using var db = CreateDbContext();
        db.Warehouses.Add(warehouse);
        await db.SaveChangesAsync();
        return warehouse;
    }

    /// <summary>Inserts a product with one variant per (SKU, price) pair, in that order.</summary>
    public async Task<Product> AddProductAsync(
        string handle,
        string title,
        ProductStatus status = ProductStatus.Active,
        params (string Sku, decimal Price)[] variants)
    {
        var product = new Product
        {
            Handle = handle,
            Title = title,
            Status = status,
            Vendor = "Ceramiche Tirreno",
            ProductType = "Tazze",
            Option1Name = "Colore",
            CreatedAt = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc),
            UpdatedAt = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc),
        };
        product.Variants.AddRange(variants.Select((v, index) => new ProductVariant
        {
            Sku = v.Sku,
            Barcode = $"80{index}{v.Sku}",
            Option1 = $"Colore {index + 1}",
            Price = v.Price,
            Position = index + 1,
        }));

        await using var db = CreateDbContext();
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return product;
    }

    /// <summary>
    /// Inserts a stock level directly, because the list and detail queries only read levels and a reserved
    /// quantity through <see cref="StockLedger"/> would need a whole order.
    /// </summary>
    public async Task AddLevelAsync(Guid variantId, Guid warehouseId, int onHand, int reserved = 0, int unavailable = 0)
    {
        await using var db = CreateDbContext();
        db.InventoryLevels.Add(new InventoryLevel
        {
            VariantId = variantId,
            WarehouseId = warehouseId,
            OnHand = onHand,
            Reserved = reserved,
            Unavailable = unavailable,
            UpdatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
