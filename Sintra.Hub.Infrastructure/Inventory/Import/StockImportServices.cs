using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Inventory.Import;

namespace Sintra.Hub.Infrastructure.Inventory.Import;

public static class StockImportServices
{
    /// <summary>
    /// Registers the stock file import: profiles, reader, planner, applier, the upload folder and the background
    /// queue. Needs <c>HubDbContext</c>, its factory and <c>StockLedger</c>.
    /// </summary>
    public static IServiceCollection AddStockImport(this IServiceCollection services, string uploadFolder)
    {
        services.AddSingleton(new StockImportFiles(uploadFolder));
        services.AddSingleton<IStockFileReader, StockCsvReader>();
        services.AddSingleton<StockImportProgress>();
        services.AddSingleton<StockImportProfileService>();
        services.AddSingleton<StockImportRecords>();
        services.AddScoped<StockImportPlanner>();
        services.AddScoped<StockImportApplier>();
        services.AddScoped<StockImportRunner>();
        services.AddSingleton<StockImportQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<StockImportQueue>());
        return services;
    }
}
