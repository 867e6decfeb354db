using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Core.Returns;
using Sintra.Hub.Core.Catalog.Import;
using Sintra.Hub.Infrastructure.Channels;
using Sintra.Hub.Web.Catalog;
using Sintra.Hub.Web.Configuration;

namespace Sintra.Hub.Web.DemoData;

/// <summary>
/// Loads the demo shop into a database that has no channel yet: two warehouses, a Shopify channel, the demo catalog
/// with its stock, and then (once the server listens) a few orders posted to the real webhook endpoint.
/// </summary>
public static partial class DemoDataLoader
{
    public static async Task LoadIfEnabledAsync(WebApplication app, CancellationToken cancellationToken)
    {
        var options = app.Services.GetRequiredService<IOptions<DemoDataOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoDataLoader));
        if (!options.Enabled)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        if (await db.Channels.AnyAsync(cancellationToken))
        {
            return;
        }

        var protector = scope.ServiceProvider.GetRequiredService<ChannelSecretProtector>();
        var milano = new Warehouse { Code = "MIL", Name = "Magazzino Milano", Address = "Via Mecenate 76, 20138 Milano" };
        var napoli = new Warehouse { Code = "NAP", Name = "Magazzino Napoli", Address = "Via Argine 310, 80147 Napoli" };
        var channel = new SalesChannel
        {
            Name = "Sintra Demo (Shopify)",
            ShopDomain = options.ShopDomain,
            WebhookSecretProtected = protector.Protect(options.WebhookSecret),
            OrderWarehouseId = milano.Id,
        };
        db.Warehouses.AddRange(milano, napoli);
        db.Channels.Add(channel);
        await db.SaveChangesAsync(cancellationToken);

        // The demo shop's returns page works at once, at /returns/sintra-demo, with the default reasons.
        await ReturnSettingsService.GetOrCreateAsync(db, channel.Id, cancellationToken);

        var importer = scope.ServiceProvider.GetRequiredService<ProductCsvImporter>();
        await using (var catalog = DemoCatalogFile.Open(app.Environment))
        {
            var result = await importer.ApplyAsync(catalog, new ImportRequest(milano.Code, "demo-data"), cancellationToken);
            if (!result.Applied)
            {
                throw new InvalidOperationException(
                    $"The demo catalog {DemoCatalogFile.RelativePath} has errors: "
                    + string.Join("; ", result.Preview.Errors.Select(e => $"line {e.Line}: {e.Message}")));
            }
        }

        LogLoaded(logger, options.ShopDomain);
        app.Services.GetRequiredService<DemoOrderSender>().Schedule(options.ShopDomain, options.WebhookSecret);
    }

    [LoggerMessage(1400, LogLevel.Information, "Demo data loaded: channel {ShopDomain}, warehouses MIL and NAP, demo catalog")]
    private static partial void LogLoaded(ILogger logger, string shopDomain);
}
