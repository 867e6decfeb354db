using Quartz;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Infrastructure.Inbox;

namespace Sintra.Hub.Web.Webhooks;

/// <summary>Registers the webhook endpoint, the inbox and its job, and order ingestion.</summary>
public static class WebhookRegistration
{
    public static void AddOrderIngestion(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<InboxOptions>().Bind(builder.Configuration.GetSection(InboxOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(
                o => o.BaseDelaySeconds <= o.MaxDelaySeconds,
                "Inbox:BaseDelaySeconds is larger than Inbox:MaxDelaySeconds; lower it or raise the maximum.")
            .ValidateOnStart();

        services.AddScoped<OrderIngestionService>();

        services.AddScoped<OrderRefundService>();

        services.AddScoped<OrderFulfillmentService>();
        services.AddScoped<InboxReceiver>();
        services.AddScoped<InboxMessageHandler>();
        services.AddScoped<InboxService>();
        services.AddSingleton<InboxProcessor>();
        services.AddSingleton<InboxWakeUp>();

        var inbox = builder.Configuration.GetSection(InboxOptions.SectionName).Get<InboxOptions>() ?? new();
        services.AddQuartz(quartz =>
        {
            if (!inbox.ProcessingEnabled)
            {
                return;
            }

            quartz.AddJob<InboxJob>(job => job.WithIdentity(InboxJob.Key).StoreDurably());
            quartz.AddTrigger<InboxJob>(trigger => trigger
                .ForJob(InboxJob.Key)
                .WithIdentity("inbox-poll", InboxJob.Key.Group)
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(inbox.PollSeconds)).RepeatForever()));
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
    }

    public static void MapShopifyWebhooks(this WebApplication app)
    {
        app.MapPost("/webhooks/shopify", ShopifyWebhookEndpoint.HandleAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithName("ShopifyWebhook");
    }
}
