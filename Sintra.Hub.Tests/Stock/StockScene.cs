using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.Stock;

/// <summary>One variant stocked in two warehouses, MIL and ROM, with order lines to reserve for.</summary>
public sealed record StockScene(Guid VariantId, Guid MilanId, Guid RomeId, List<Guid> LineIds)
{
    public static readonly StockReference Seed = new("Test", "seed", "tests");

    public static async Task<StockScene> CreateAsync(HubDbContext db, TimeProvider clock, int milan, int rome)
    {
        var (warehouse, variants) = await CatalogSeed.AddAsync(db, "MIL", "TAZ-01");
        var romeWarehouse = new Warehouse { Code = "ROM", Name = "Magazzino Roma" };
        db.Warehouses.Add(romeWarehouse);
        await db.SaveChangesAsync();
        var lines = await CatalogSeed.AddOrderLinesAsync(db, 3);

        var ledger = new StockLedger(db, clock);
        await ledger.SetOnHandAsync(variants[0].Id, warehouse.Id, milan, MovementReason.InitialCount, Seed, default);
        await ledger.SetOnHandAsync(variants[0].Id, romeWarehouse.Id, rome, MovementReason.InitialCount, Seed, default);
        await db.SaveChangesAsync();
        return new StockScene(variants[0].Id, warehouse.Id, romeWarehouse.Id, lines);
    }
}
