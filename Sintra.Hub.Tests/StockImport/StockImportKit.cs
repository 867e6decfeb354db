using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Inventory.Import;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Inventory.Import;
using Sintra.Hub.Infrastructure.Persistence;
using Sintra.Hub.Tests.Support;
using ImportRecord = Sintra.Hub.Core.Inventory.Import.StockImport;

namespace Sintra.Hub.Tests.StockImport;

/// <summary>A migrated SQLite database with a warehouse and a small catalog, and helpers to preview and apply.</summary>
public sealed class StockImportKit : IAsyncDisposable
{
    public static readonly DateTime Start = new(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);

    private StockImportKit(TestDatabase database, Warehouse warehouse, List<ProductVariant> variants)
    {
        Database = database;
        Warehouse = warehouse;
        Variants = variants;
    }

    public TestDatabase Database { get; }

    public Warehouse Warehouse { get; }

    public List<ProductVariant> Variants { get; }

    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>Windows-1252 encoding, registered by the reader's static constructor.</summary>
    public static Encoding Windows1252
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252);
        }
    }

    public static Task<StockImportKit> CreateAsync(params (string Sku, string? Barcode)[] items) =>
        CreateOnAsync(DatabaseProvider.Sqlite, items);

    public static async Task<StockImportKit> CreateOnAsync(
        DatabaseProvider provider,
        params (string Sku, string? Barcode)[] items)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateDbContext();
        var (warehouse, variants) = await CatalogSeed.AddAsync(db, "MIL", items.Select(i => i.Sku).ToArray());
        for (var i = 0; i < items.Length; i++)
        {
            variants[i].Barcode = items[i].Barcode;
        }

        await db.SaveChangesAsync();
        return new StockImportKit(database, warehouse, variants);
    }

    public StockImportProfile Profile(StockImportMode mode = StockImportMode.FullCount) => new()
    {
        Name = "Test",
        Delimiter = ",",
        Encoding = StockFileEncoding.Utf8,
        Culture = string.Empty,
        KeyColumn = "sku",
        QuantityColumn = "qty",
        WarehouseId = Warehouse.Id,
        Mode = mode,
    };

    public async Task<StockImportPreview> PreviewAsync(StockImportProfile profile, byte[] file, DateTime? countedAt = null)
    {
        await using var db = Database.CreateDbContext();
        await using var content = new MemoryStream(file);
        var planner = new StockImportPlanner(db);
        var entries = new StockCsvReader().ReadAsync(content, profile, CancellationToken.None);
        return await planner.PlanAsync(profile, entries, countedAt ?? Clock.GetUtcNow().UtcDateTime, CancellationToken.None);
    }

    /// <summary>Adds the import's record in the applying state, as the runner does, then applies the preview.</summary>
    public async Task<int> ApplyAsync(Guid importId, StockImportPreview preview, HubDbContext? context = null)
    {
        await using (var records = Database.CreateDbContext())
        {
            records.Set<ImportRecord>().Add(new ImportRecord
            {
                Id = importId,
                ProfileName = "Test",
                FileName = "stock.csv",
                StoredFileName = "stock.csv",
                UserName = "anna@example.com",
                Status = StockImportStatus.Applying,
            });
            await records.SaveChangesAsync();
        }

        await using var db = context ?? Database.CreateDbContext();
        var applier = new StockImportApplier(db, new StockLedger(db, Clock), Clock);
        return await applier.ApplyAsync(importId, preview, "anna@example.com", null, CancellationToken.None);
    }

    public async Task<int> UndoAsync(Guid importId)
    {
        await using var db = Database.CreateDbContext();
        var applier = new StockImportApplier(db, new StockLedger(db, Clock), Clock);
        return await applier.UndoAsync(importId, "anna@example.com", CancellationToken.None);
    }

    /// <summary>Sets the on hand through the ledger at the clock's current time, as a user adjustment.</summary>
    public async Task SetOnHandAsync(int variant, int onHand)
    {
        await using var db = Database.CreateDbContext();
        var ledger = new StockLedger(db, Clock);
        await using var transaction = await db.Database.BeginTransactionAsync();
        await ledger.SetOnHandAsync(
            Variants[variant].Id, Warehouse.Id, onHand, MovementReason.Adjustment,
            new StockReference(StockReferenceTypes.User, "test", "test"), CancellationToken.None);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    public async Task<InventoryLevel?> LevelAsync(int variant)
    {
        await using var db = Database.CreateDbContext();
        return await db.InventoryLevels.AsNoTracking()
            .SingleOrDefaultAsync(l => l.VariantId == Variants[variant].Id && l.WarehouseId == Warehouse.Id);
    }

    public async Task<List<InventoryMovement>> ImportMovementsAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.InventoryMovements.AsNoTracking()
            .Where(m => m.ReferenceType == StockReferenceTypes.Import)
            .OrderBy(m => m.ReferenceId)
            .ToListAsync();
    }

    public async Task<ImportRecord> ImportRecordAsync(Guid importId)
    {
        await using var db = Database.CreateDbContext();
        return await db.Set<ImportRecord>().AsNoTracking().SingleAsync(i => i.Id == importId);
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
