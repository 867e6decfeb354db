using Sintra.Hub.Infrastructure.Inbox;

namespace Sintra.Hub.Web.Webhooks;

internal static partial class WebhookLog
{
    [LoggerMessage(2001, LogLevel.Information,
        "Webhook delivery {DeliveryId} ({Topic}) from {ShopDomain}: {Receipt}")]
    public static partial void Received(
        ILogger logger, string deliveryId, string topic, string shopDomain, InboxReceipt receipt);

    [LoggerMessage(2002, LogLevel.Warning,
        "Rejected webhook delivery {DeliveryId} ({Topic}) from {ShopDomain}: invalid signature "
        + "(unknown shop: {UnknownShop})")]
    public static partial void Unauthorized(
        ILogger logger, string topic, string shopDomain, string deliveryId, bool unknownShop);

    [LoggerMessage(2003, LogLevel.Warning,
        "Rejected webhook ({Topic}) from {ShopDomain}: body larger than {MaxBodyBytes} bytes")]
    public static partial void BodyTooLarge(ILogger logger, string topic, string shopDomain, int maxBodyBytes);
}
