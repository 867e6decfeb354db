using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Assets;
using Sintra.Hub.Infrastructure.Catalog;
using Sintra.Hub.Infrastructure.Persistence;
using Sintra.Hub.Tests.Support;
using SkiaSharp;

namespace Sintra.Hub.Tests.Assets;

/// <summary>
/// The asset services as the app registers them, on a fresh SQLite database, with settings given as configuration
/// keys of the <c>Assets</c> section.
/// </summary>
internal sealed class AssetTestKit : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase database;

    private AssetTestKit(TestDatabase database, ServiceProvider services, string dataFolder)
    {
        this.database = database;
        Services = services;
        DataFolder = dataFolder;
    }

    public ServiceProvider Services { get; }

    public string DataFolder { get; }

    public static async Task<AssetTestKit> CreateAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var dataFolder = TempFolder.Create("assets");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        services.AddScoped(_ => database.CreateDbContext());
        services.AddSingleton<IDbContextFactory<HubDbContext>>(new ContextFactory(database));
        services.AddAssetLibrary(configuration, dataFolder);
        services.AddScoped<StockLedger>();
        services.AddProductCsvImport();
        return new AssetTestKit(database, services.BuildServiceProvider(validateScopes: true), dataFolder);
    }

    public static Dictionary<string, string?> BlobSettings(AzuriteServer azurite) => new()
    {
        ["Assets:Store"] = "AzureBlob",
        ["Assets:AzureConnectionString"] = azurite.ConnectionString,
        ["Assets:AzureContainer"] = $"test-{Guid.NewGuid():N}"[..30],
    };

    /// <summary>Runs <paramref name="work"/> with a service of a new scope, as a page or job would.</summary>
    public async Task<TResult> RunAsync<TService, TResult>(Func<TService, Task<TResult>> work)
        where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task<AssetUploadResult> UploadAsync(byte[] content, string fileName, bool allowDuplicate = false, Guid? folderId = null)
    {
        using var stream = new MemoryStream(content);
        return await RunAsync<AssetUploader, AssetUploadResult>(uploader =>
            uploader.UploadAsync(stream, new AssetUploadRequest(fileName, folderId, "tester", allowDuplicate), null, CancellationToken.None));
    }

    public HubDbContext CreateDbContext() => database.CreateDbContext();

    /// <summary>Adds a product with the given variant SKUs and returns its id and the variants' ids.</summary>
    public async Task<(Guid ProductId, Guid[] VariantIds)> AddProductAsync(string handle, params string[] skus)
    {
        await using var db = CreateDbContext();
        var product = new Product { Handle = handle, Title = handle, CreatedAt = Now.UtcDateTime, UpdatedAt = Now.UtcDateTime };
        product.Variants.AddRange(skus.Select((sku, i) => new ProductVariant { Sku = sku, Option1 = sku, Position = i + 1 }));
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return (product.Id, product.Variants.Select(v => v.Id).ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await database.DisposeAsync();
        TempFolder.TryDelete(DataFolder);
    }
}

/// <summary>New contexts on the test database, for services that take a context factory.</summary>
internal sealed class ContextFactory(TestDatabase database) : IDbContextFactory<HubDbContext>
{
    public HubDbContext CreateDbContext() => database.CreateDbContext();
}

/// <summary>Small images encoded by SkiaSharp, each with a different colour so their hashes differ.</summary>
internal static class TestImages
{
    public static byte[] Png(int width, int height, SKColor color) => Encode(width, height, color, SKEncodedImageFormat.Png);

    public static byte[] Jpeg(int width, int height, SKColor color) => Encode(width, height, color, SKEncodedImageFormat.Jpeg);

    private static byte[] Encode(int width, int height, SKColor color, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(color);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }
}
