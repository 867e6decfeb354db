using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Sintra.Hub.Core.Exchange;
using Sintra.Hub.Core.Orders.Shipping;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Exchange.Flows;
using Sintra.Hub.Infrastructure.Jobs;

namespace Sintra.Hub.Infrastructure.Exchange;

public static class ExchangeServices
{
    /// <summary>
    /// Registers partner file exchange: stores, flow handlers, the runner with its lease, the flow schedule and the
    /// run history of every Quartz job. Needs the stock and catalog imports and an <c>IOrderShipping</c>.
    /// </summary>
    public static IServiceCollection AddExchange(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExchangeOptions>().Bind(configuration.GetSection(ExchangeOptions.SectionName));
        services.AddSingleton<ExchangeStoreFactory>();
        services.AddSingleton<JobLeaseStore>();
        services.AddSingleton<JobRunRecorder>();
        services.AddSingleton<InboundFileProcessor>();
        services.AddSingleton<ExchangeFlowRunner>();
        services.AddSingleton<JobDashboardService>();
        services.AddSingleton<ExchangeScheduleSync>();
        services.AddSingleton<ExchangeSettingsService>();
        services.AddHostedService(sp => sp.GetRequiredService<ExchangeScheduleSync>());
        services.AddScoped<OrderExporter>();
        services.AddKeyedScoped<IInboundFileHandler, StockFileHandler>(ExchangeFlowKind.StockIn);

        // A factory, so that the container starts without an IOrderShipping: order fulfillment registers it, and
        // until then a shipments flow fails its run before it touches any file.
        services.AddKeyedScoped<IInboundFileHandler>(ExchangeFlowKind.ShipmentsIn, (sp, _) =>
            new ShipmentFileHandler(sp.GetRequiredService<HubDbContext>(), sp.GetRequiredService<IOrderShipping>()));
        services.AddKeyedScoped<IInboundFileHandler, ProductFileHandler>(ExchangeFlowKind.ProductsIn);
        services.AddQuartz(quartz => quartz.AddJobListener<JobRunRecorder>());
        return services;
    }
}
