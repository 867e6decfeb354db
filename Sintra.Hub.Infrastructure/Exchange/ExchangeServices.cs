using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Sintra.Hub.Core.Exchange;
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
        services.AddKeyedScoped<IInboundFileHandler, ShipmentFileHandler>(ExchangeFlowKind.ShipmentsIn);
        services.AddKeyedScoped<IInboundFileHandler, ProductFileHandler>(ExchangeFlowKind.ProductsIn);
        services.AddQuartz(quartz => quartz.AddJobListener<JobRunRecorder>());
        return services;
    }
}
