using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Exchange;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Inventory.Import;
using Sintra.Hub.Core.Orders.Shipping;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Catalog;
using Sintra.Hub.Infrastructure.Exchange;
using Sintra.Hub.Infrastructure.Inventory.Import;
using Sintra.Hub.Infrastructure.Persistence;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.Exchange;

/// <summary>
/// The exchange services of one app instance on a shared test database, with a recording <see cref="IOrderShipping"/>.
/// Two hosts on the same database act as two app instances.
/// </summary>
public sealed class ExchangeTestHost : IAsyncDisposable
{
    private readonly string folder = TempFolder.Create("exchange-host");

    public ExchangeTestHost(TestDatabase database, string keysFolder, RecordingShipping shipping)
    {
        Shipping = shipping;
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddDataProtection().SetApplicationName("Sintra.Hub").PersistKeysToFileSystem(new DirectoryInfo(keysFolder));
        services.AddHubDatabase(new DatabaseOptions { Provider = database.Provider, ConnectionString = database.ConnectionString }, folder);
        services.AddScoped<StockLedger>();
        services.AddStockImport(Path.Combine(folder, "uploads"));
        services.AddProductCsvImport();
        services.AddExchange(configuration);
        services.AddSingleton<IOrderShipping>(shipping);
        Services = services.BuildServiceProvider();
    }

    public ServiceProvider Services { get; }

    public RecordingShipping Shipping { get; }

    public ExchangeFlowRunner Runner => Services.GetRequiredService<ExchangeFlowRunner>();

    public ExchangeStoreFactory Stores => Services.GetRequiredService<ExchangeStoreFactory>();

    public Task<Sintra.Hub.Infrastructure.Jobs.JobRunOutcome> RunAsync(Guid flowId, bool reexport = false) =>
        Runner.RunAsync(flowId, reexport, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        TempFolder.TryDelete(folder);
    }
}

/// <summary>
/// An <see cref="IOrderShipping"/> that records requests, returns the first result for a repeated external
/// reference as the real service does, and can hold calls until released.
/// </summary>
public sealed class RecordingShipping : IOrderShipping
{
    private readonly Dictionary<string, ShipmentResult> byReference = [];
    private readonly object sync = new();
    private int running;

    public List<ShipmentRequest> Shipped { get; } = [];

    /// <summary>When set, each call waits for it; <see cref="Entered"/> completes when the first call waits.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int MaxConcurrent { get; private set; }

    public async Task<ShipmentResult> ShipAsync(ShipmentRequest request, CancellationToken cancellationToken)
    {
        lock (sync)
        {
            running++;
            MaxConcurrent = Math.Max(MaxConcurrent, running);
        }

        try
        {
            if (Gate is { } gate)
            {
                Entered.TrySetResult();
                await gate.Task.WaitAsync(cancellationToken);
            }

            lock (sync)
            {
                if (request.ExternalReference is { } reference && byReference.TryGetValue(reference, out var earlier))
                {
                    return earlier with { AlreadyApplied = true };
                }

                var result = new ShipmentResult(Guid.CreateVersion7(), request.Lines.Sum(l => l.Quantity), false, null);
                Shipped.Add(request);
                if (request.ExternalReference is { } key)
                {
                    byReference[key] = result;
                }

                return result;
            }
        }
        finally
        {
            lock (sync)
            {
                running--;
            }
        }
    }
}

/// <summary>Adds partners, endpoints, profiles and flows for exchange tests.</summary>
public static class ExchangeSeed
{
    public static async Task<ExchangeEndpoint> AddSftpPartnerAsync(
        TestDatabase database, ExchangeStoreFactory stores, SftpTestServer server, string partnerName, FileReadiness readiness)
    {
        await using var db = database.CreateDbContext();
        var partner = new ExchangePartner { Name = partnerName };
        var endpoint = new ExchangeEndpoint
        {
            PartnerId = partner.Id,
            Name = $"{partnerName} SFTP",
            Kind = ExchangeEndpointKind.Sftp,
            Host = "127.0.0.1",
            Port = server.Port,
            UserName = server.UserName,
            ProtectedPrivateKey = stores.Protect(server.PrivateKey),
            HostKeySha256 = server.HostKeyFingerprint,
            RootPath = $"/data/{partnerName}",
            Readiness = readiness,
        };
        db.AddRange(partner, endpoint);
        await db.SaveChangesAsync();
        return endpoint;
    }

    public static async Task<ExchangeFlow> AddFlowAsync(
        TestDatabase database, ExchangeEndpoint endpoint, ExchangeFlowKind kind, Guid? stockProfileId = null, Guid? csvProfileId = null)
    {
        await using var db = database.CreateDbContext();
        var flow = new ExchangeFlow
        {
            PartnerId = endpoint.PartnerId,
            EndpointId = endpoint.Id,
            Name = $"{kind} {endpoint.Name} {Guid.NewGuid():N}",
            Kind = kind,
            StockProfileId = stockProfileId,
            CsvProfileId = csvProfileId,
            Cron = "0 0 3 * * ?",
        };
        db.Add(flow);
        await db.SaveChangesAsync();
        return flow;
    }

    public static async Task<StockImportProfile> AddStockProfileAsync(TestDatabase database, Guid warehouseId)
    {
        await using var db = database.CreateDbContext();
        var profile = new StockImportProfile
        {
            Name = $"Stock {Guid.NewGuid():N}",
            Delimiter = ";",
            Culture = "it-IT",
            KeyColumn = "sku",
            QuantityColumn = "qty",
            WarehouseId = warehouseId,
            Mode = StockImportMode.FullCount,
        };
        db.Add(profile);
        await db.SaveChangesAsync();
        return profile;
    }

    public static async Task<ExchangeCsvProfile> AddCsvProfileAsync(
        TestDatabase database, CsvProfilePurpose purpose, string pattern, params CsvColumnMapping[] columns)
    {
        await using var db = database.CreateDbContext();
        var profile = new ExchangeCsvProfile { Name = $"{purpose} {Guid.NewGuid():N}", Purpose = purpose, FileNamePattern = pattern };
        profile.SetColumns(columns);
        db.Add(profile);
        await db.SaveChangesAsync();
        return profile;
    }

    public static CsvColumnMapping Map(string field, string column) => new() { Field = field, Column = column };

    public static async Task<List<ExchangeFile>> FilesAsync(TestDatabase database, Guid flowId)
    {
        await using var db = database.CreateDbContext();
        return await db.Set<ExchangeFile>().AsNoTracking().Where(f => f.FlowId == flowId).OrderBy(f => f.TakenAt).ToListAsync();
    }

    public static async Task<int> OnHandAsync(TestDatabase database, Guid variantId, Guid warehouseId)
    {
        await using var db = database.CreateDbContext();
        return await db.InventoryLevels.Where(l => l.VariantId == variantId && l.WarehouseId == warehouseId)
            .Select(l => l.OnHand).SingleOrDefaultAsync();
    }

    public static async Task<int> StockImportCountAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return await db.Set<Sintra.Hub.Core.Inventory.Import.StockImport>().CountAsync();
    }
}
