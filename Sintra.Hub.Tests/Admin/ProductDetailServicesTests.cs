using Microsoft.Extensions.Time.Testing;
using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Catalog.Queries;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Inventory.Queries;
using Sintra.Hub.Infrastructure.Persistence;

namespace Sintra.Hub.Tests.Admin;

public sealed class ProductDetailServicesTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task DetailListsStockPerWarehouse(DatabaseProvider provider)
    {
        await using var data = await AdminData.CreateAsync(provider);
        var milano = await data.AddWarehouseAsync("MIL", "Milano");
        var roma = await data.AddWarehouseAsync("ROM", "Roma");
        var product = await data.AddProductAsync("vaso", "Vaso", ProductStatus.Active, ("VA-S", 19.90m), ("VA-M", 24.50m));
        await data.AddLevelAsync(product.Variants[1].Id, roma.Id, onHand: 1, reserved: 2);
        await data.AddLevelAsync(product.Variants[0].Id, roma.Id, onHand: 3);
        await data.AddLevelAsync(product.Variants[0].Id, milano.Id, onHand: 8, reserved: 1, unavailable: 2);

        var detail = await new ProductDetailService(data).GetAsync(product.Id, CancellationToken.None);

        Assert.NotNull(detail);
        Assert.Equal(["VA-S", "VA-M"], detail.Variants.Select(v => v.Sku));
        Assert.Equal(["Colore"], detail.OptionNames);
        Assert.Equal(
            [("VA-S", "MIL"), ("VA-S", "ROM"), ("VA-M", "ROM")],
            detail.Stock.Select(s => (s.Sku, s.WarehouseCode)));
        Assert.Equal(5, detail.Stock[0].Available);
        Assert.False(detail.Stock[0].IsShortfall);
        Assert.Equal(-1, detail.Stock[2].Available);
        Assert.True(detail.Stock[2].IsShortfall);
    }

    [Fact]
    public async Task DetailOfUnknownIdIsNull()
    {
        await using var data = await AdminData.CreateAsync();

        Assert.Null(await new ProductDetailService(data).GetAsync(Guid.NewGuid(), CancellationToken.None));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task HistoryPagesNewestFirst(DatabaseProvider provider)
    {
        await using var data = await AdminData.CreateAsync(provider);
        var warehouse = await data.AddWarehouseAsync("MIL");
        var product = await data.AddProductAsync("vaso", "Vaso", ProductStatus.Active, ("VA-S", 1m));
        var other = await data.AddProductAsync("piatto", "Piatto", ProductStatus.Active, ("PI-1", 1m));
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 4, 8, 0, 0, TimeSpan.Zero));
        await using (var db = data.CreateDbContext())
        {
            var ledger = new StockLedger(db, clock);
            for (var count = 1; count <= 5; count++)
            {
                var reference = new StockReference("User", $"count-{count}", "magazzino@bottega.test");
                await ledger.SetOnHandAsync(
                    product.Variants[0].Id, warehouse.Id, count * 10, MovementReason.Count, reference, CancellationToken.None);
                await db.SaveChangesAsync();
                clock.Advance(TimeSpan.FromMinutes(5));
            }

            await ledger.SetOnHandAsync(
                other.Variants[0].Id, warehouse.Id, 3, MovementReason.InitialCount,
                new StockReference("Import", "import-1:2", "import"), CancellationToken.None);
            await db.SaveChangesAsync();
        }

        var page = await new MovementHistoryService(data).ListForProductAsync(product.Id, 1, 2, CancellationToken.None);

        Assert.Equal(5, page.TotalCount);
        Assert.Equal(["count-4", "count-3"], page.Rows.Select(r => r.ReferenceId));
        Assert.Equal(40, page.Rows[0].OnHandAfter);
        Assert.Equal(10, page.Rows[0].OnHandDelta);
        Assert.Equal("MIL", page.Rows[0].WarehouseCode);
        Assert.Equal("VA-S", page.Rows[0].Sku);
        Assert.Equal(new DateTime(2026, 5, 4, 8, 15, 0, DateTimeKind.Utc), page.Rows[0].OccurredAt);
    }

    [Fact]
    public void OrderIdParsesOnlyOrderReferences()
    {
        var orderId = Guid.NewGuid();
        MovementRow Row(string? type, string? id) =>
            new(Guid.NewGuid(), DateTime.UtcNow, "MIL", "VA-S", MovementReason.Reservation, 0, 1, 0, 5, 1, 0, type, id, "inbox");

        Assert.Equal(orderId, Row("Order", orderId.ToString()).OrderId);
        Assert.Null(Row("Order", "not-a-guid").OrderId);
        Assert.Null(Row("Import", orderId.ToString()).OrderId);
        Assert.Null(Row(null, null).OrderId);
    }
}
