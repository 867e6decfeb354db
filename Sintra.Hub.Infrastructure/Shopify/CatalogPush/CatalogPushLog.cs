using Microsoft.Extensions.Logging;

namespace Sintra.Hub.Infrastructure.Shopify.CatalogPush;

internal static partial class CatalogPushLog
{
    [LoggerMessage(EventId = 4601, Level = LogLevel.Information,
        Message = "Catalog push of product {ProductId} to channel {Channel}: {Action}, Shopify product {ShopifyProductId}")]
    public static partial void Pushed(ILogger logger, string channel, Guid productId, CatalogPushAction action,
        string? shopifyProductId);

    [LoggerMessage(EventId = 4602, Level = LogLevel.Warning,
        Message = "Catalog push of product {ProductId} to channel {Channel} failed: {Error}")]
    public static partial void PushFailed(ILogger logger, string channel, Guid productId, string error);

    [LoggerMessage(EventId = 4603, Level = LogLevel.Information,
        Message = "products/update {WebhookId} for {ShopifyProductId} is the echo of the hub's push; ignored")]
    public static partial void EchoIgnored(ILogger logger, string webhookId, string shopifyProductId);

    [LoggerMessage(EventId = 4604, Level = LogLevel.Information,
        Message = "products/update {WebhookId} changed product {ProductId} from channel {Channel}: {Outcome}")]
    public static partial void ChannelChange(ILogger logger, string webhookId, Guid productId, string channel,
        string outcome);
}
