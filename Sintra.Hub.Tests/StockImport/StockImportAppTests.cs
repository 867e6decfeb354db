using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Inventory.Import;
using Sintra.Hub.Infrastructure.Inventory.Import;
using Sintra.Hub.Tests.Support;
using Sintra.Hub.Tests.Ui;
using ImportRecord = Sintra.Hub.Core.Inventory.Import.StockImport;

namespace Sintra.Hub.Tests.StockImport;

/// <summary>The stock import inside the real app: the background queue, the download endpoint and the page.</summary>
public sealed class StockImportAppTests : IDisposable
{
    private readonly HubAppFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task QueuedImportAppliesInBackground()
    {
        var (profile, stored) = await SeedAsync("sku,qty\nB-1,6\nB-2,0\n");
        var records = factory.Services.GetRequiredService<StockImportRecords>();
        var import = NewRecord(profile, stored);

        await records.QueueAsync(import, CancellationToken.None);
        factory.Services.GetRequiredService<StockImportQueue>().Enqueue(import.Id);
        var finished = await WaitForFinishAsync(import.Id);

        Assert.Equal(StockImportStatus.Applied, finished.Status);
        Assert.Null(finished.Message);
        Assert.Equal(2, finished.RowCount);
        Assert.Equal(1, finished.ChangedCount);
        await using var db = factory.CreateDbContext();
        var onHand = await db.InventoryLevels.Join(db.Variants, l => l.VariantId, v => v.Id, (l, v) => new { v.Sku, l.OnHand })
            .SingleAsync(x => x.Sku == "B-1");
        Assert.Equal(6, onHand.OnHand);
        Assert.False(File.Exists(factory.Services.GetRequiredService<StockImportFiles>().PathOf(stored)));
    }

    [Fact]
    public async Task QueuedImportWithErrorsFails()
    {
        var (profile, stored) = await SeedAsync("sku,qty\nB-1,6\nNOPE,1\n");
        var import = NewRecord(profile, stored);

        await factory.Services.GetRequiredService<StockImportRecords>().QueueAsync(import, CancellationToken.None);
        factory.Services.GetRequiredService<StockImportQueue>().Enqueue(import.Id);
        var finished = await WaitForFinishAsync(import.Id);

        Assert.Equal(StockImportStatus.Failed, finished.Status);
        Assert.Contains("1 rows with errors", finished.Message);
        await using var db = factory.CreateDbContext();
        Assert.Equal(0, await db.InventoryMovements.CountAsync());
    }

    [Fact]
    public async Task ChangedProfileFailsQueuedImport()
    {
        var (profile, stored) = await SeedAsync("sku,qty\nB-1,6\n");
        var import = NewRecord(profile, stored);
        var profiles = factory.Services.GetRequiredService<StockImportProfileService>();
        profile.Mode = StockImportMode.Delta;
        await profiles.SaveAsync(profile.Id, profile.Version, profile, CancellationToken.None);

        await factory.Services.GetRequiredService<StockImportRecords>().QueueAsync(import, CancellationToken.None);
        factory.Services.GetRequiredService<StockImportQueue>().Enqueue(import.Id);
        var finished = await WaitForFinishAsync(import.Id);

        Assert.Equal(StockImportStatus.Failed, finished.Status);
        Assert.Contains("profile changed after the preview", finished.Message);
        await using var db = factory.CreateDbContext();
        Assert.Equal(0, await db.InventoryMovements.CountAsync());
    }

    [Fact]
    public async Task FailedRowsDownloadInItalian()
    {
        var (profile, stored) = await SeedAsync("sku,qty\nB-1,6\n=CMD(),2\n");
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var url = $"/stock/import/uploads/{stored}/failed-rows.csv?profile={profile.Id}&countedAt=2026-03-02T08:00:00Z";

        var anonymous = await client.GetAsync(url);
        await SignInForm.PostAsync(client, TestUsers.AdminEmail, TestUsers.AdminPassword);
        var response = await client.GetAsync(url);
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');

        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("sku,qty,riga,errore", lines[0]);
        Assert.StartsWith("'=CMD(),2,3,", lines[1]);
        Assert.Contains("Nessuna variante ha lo SKU \"\"=CMD()\"\"", lines[1]);
        Assert.Equal(2, lines.Length);
    }

    [Fact]
    public async Task InvalidCountedAtIsBadRequest()
    {
        var (profile, stored) = await SeedAsync("sku,qty\nB-1,6\n");
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignInForm.PostAsync(client, TestUsers.AdminEmail, TestUsers.AdminPassword);

        var response = await client.GetAsync(
            $"/stock/import/uploads/{stored}/failed-rows.csv?profile={profile.Id}&countedAt=yesterday");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("countedAt 'yesterday' is not a valid time", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ImportPagesRenderInItalian()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignInForm.PostAsync(client, TestUsers.AdminEmail, TestUsers.AdminPassword);

        var import = await client.GetAsync("/stock/import");
        var profiles = await client.GetAsync("/stock/profiles");

        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        Assert.Contains("Importa giacenze", await import.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, profiles.StatusCode);
        Assert.Contains("Profili di importazione", await profiles.Content.ReadAsStringAsync());
    }

    private async Task<(StockImportProfile Profile, string StoredFile)> SeedAsync(string file)
    {
        Guid warehouseId;
        await using (var db = factory.CreateDbContext())
        {
            var (warehouse, _) = await CatalogSeed.AddAsync(db, "TOR", "B-1", "B-2");
            warehouseId = warehouse.Id;
        }

        var profiles = factory.Services.GetRequiredService<StockImportProfileService>();
        var input = new StockImportProfile
        {
            Name = "Web shop", Delimiter = ",", Culture = string.Empty, KeyColumn = "sku", QuantityColumn = "qty",
            WarehouseId = warehouseId,
        };
        var saved = await profiles.SaveAsync(null, 0, input, CancellationToken.None);
        Assert.Equal(Core.Persistence.SaveOutcome.Saved, saved.Outcome);
        var profile = (await profiles.FindAsync(saved.Id!.Value, CancellationToken.None))!;

        using var content = new MemoryStream(Encoding.UTF8.GetBytes(file));
        var stored = await factory.Services.GetRequiredService<StockImportFiles>().SaveAsync(content, CancellationToken.None);
        return (profile, stored);
    }

    private static ImportRecord NewRecord(StockImportProfile profile, string stored) => new()
    {
        ProfileId = profile.Id,
        ProfileName = profile.Name,
        ProfileVersion = profile.Version,
        FileName = "stock.csv",
        StoredFileName = stored,
        Mode = profile.Mode,
        CountedAt = DateTime.UtcNow,
        UserName = TestUsers.AdminEmail,
    };

    // Waits for the real background queue, with a deadline instead of a fixed sleep.
    private async Task<ImportRecord> WaitForFinishAsync(Guid importId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = factory.CreateDbContext();
            var import = await db.Set<ImportRecord>().AsNoTracking().SingleAsync(i => i.Id == importId);
            if (import.Status is StockImportStatus.Applied or StockImportStatus.Failed || DateTime.UtcNow > deadline)
            {
                return import;
            }

            await Task.Delay(50);
        }
    }
}
