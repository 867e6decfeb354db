using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Inventory;
using Sintra.Hub.Infrastructure.Persistence;
using Sintra.Hub.Web.Assets;
using Sintra.Hub.Infrastructure.Shopify.CatalogPush;
using Sintra.Hub.Web.Catalog;
using Sintra.Hub.Web.Channels;
using Sintra.Hub.Web.Components;
using Sintra.Hub.Web.Components.Pages;
using Sintra.Hub.Web.Configuration;
using Sintra.Hub.Web.DemoData;
using Sintra.Hub.Web.Exchange;
using Sintra.Hub.Web.Health;
using Sintra.Hub.Web.Integration;
using Sintra.Hub.Web.Inventory;
using Sintra.Hub.Web.Returns;
using Sintra.Hub.Web.Webhooks;

namespace Sintra.Hub.Web;

/// <summary>The composition root: services, start-up work and the request pipeline.</summary>
public static class HubComposition
{
    public static void AddHub(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddOptions<HubOptions>().Bind(configuration.GetSection(HubOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DemoDataOptions>().Bind(configuration.GetSection(DemoDataOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();

        // The database is registered before the container is built, so its options are read and checked here.
        var hub = Bind<HubOptions>(configuration, HubOptions.SectionName);
        var database = Bind<DatabaseOptions>(configuration, DatabaseOptions.SectionName);
        var dataFolder = Path.GetFullPath(hub.DataFolder, builder.Environment.ContentRootPath);
        Directory.CreateDirectory(dataFolder);

        services.AddSingleton(TimeProvider.System);
        services.AddDataProtection()
            .SetApplicationName("Sintra.Hub")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataFolder, "keys")));
        services.AddHubDatabase(database, dataFolder);
        services.AddScoped<Core.Inventory.StockLedger>();
        services.AddStockCheck(configuration);
        services.AddSingleton<Infrastructure.Channels.ChannelSecretProtector>();

        builder.AddHubUi();
        builder.AddOrderIngestion();

        // Order workflow: shipping, staff actions, order edits, fulfillment queue and the channel pushes.
        Infrastructure.Orders.OrderWorkflowRegistration.AddOrderWorkflow(services);
        builder.AddCatalogImport();
        builder.AddProductInformation();
        builder.AddStockImportPages();
        builder.AddStockSync();

        // Catalog push to the channels: listings, the catalog.changed outbox handler and products/update webhooks.
        services.AddCatalogPush();

        services.AddAdminPages();

        // Partner file exchange and the jobs dashboard.
        builder.AddExchangePages();

        builder.AddIntegration();
        // Returns and customer e-mail.
        builder.AddReturns();

        // Returns pushed to Shopify: returnRequest/returnCreate, decisions, closing and refunds.
        Infrastructure.Returns.ShopifyReturnRegistration.AddShopifyReturnPush(services);

        // Asset library (DAM): store, uploads, product image links, catalog image downloads.
        builder.AddAssetPages(dataFolder);

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddHostedService<StartupBanner>();
        services.AddSingleton<DemoOrderSender>();
        services.AddHostedService(sp => sp.GetRequiredService<DemoOrderSender>());
    }

    /// <summary>Migrates the database, creates roles and the first administrator, and loads the demo data.</summary>
    public static async Task PrepareAsync(this WebApplication app, bool seedDemoData)
    {
        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            if (database.MigrateOnStart)
            {
                var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
                await DatabaseMigrator.MigrateAsync(db, app.Lifetime.ApplicationStopping);
            }

            await scope.ServiceProvider.EnsureAdministratorAsync(app.Lifetime.ApplicationStopping);
        }

        if (seedDemoData)
        {
            await DemoDataLoader.LoadIfEnabledAsync(app, app.Lifetime.ApplicationStopping);
        }
    }

    public static void UseHub(this WebApplication app)
    {
        app.UseReturns();
        app.UseHubUi();
        app.MapReturns();
        app.MapShopifyWebhooks();
        app.MapStockImport();
        app.MapIntegration();
        app.MapCatalogExport();
        app.MapAssetFiles();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync })
            .AllowAnonymous();
    }

    private static T Bind<T>(IConfiguration configuration, string section)
        where T : new()
    {
        var options = configuration.GetSection(section).Get<T>() ?? new T();
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        return options;
    }
}
