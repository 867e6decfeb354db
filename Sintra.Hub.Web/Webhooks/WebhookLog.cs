using Sintra.Hub.Infrastructure.Inbox;

namespace Sintra.Hub.Web.Webhooks;

internal static partial class WebhookLog
{
    [LoggerMessage(2001, LogLevel.Information,
        "Webhook delivery {DeliveryId} ({Topic}) from {ShopDomain}: {Receipt}")]
    public static partial void Received(
        ILogger logger, string deliveryId, string topic, string shopDomain, InboxReceipt receipt);

    [LoggerMessage(2002, LogLevel.Warning,
        "Rejected webhook delivery {DeliveryId} ({Topic}) from {ShopDomain}: invalid signature")]
    public static partial void InvalidSignature(ILogger logger, string deliveryId, string topic, string shopDomain);

    [LoggerMessage(2006, LogLevel.Warning,
        "Rejected webhook delivery {DeliveryId} ({Topic}) from {ShopDomain}: no channel has this shop domain")]
    public static partial void UnknownShop(ILogger logger, string deliveryId, string topic, string shopDomain);

    [LoggerMessage(2003, LogLevel.Warning,
        "Rejected webhook ({Topic}) from {ShopDomain}: body larger than {MaxBodyBytes} bytes")]
    public static partial void BodyTooLarge(ILogger logger, string topic, string shopDomain, int maxBodyBytes);

    [LoggerMessage(2004, LogLevel.Warning,
        "Webhook delivery {DeliveryId} ({Topic}) from {ShopDomain} is not valid UTF-8: stored as base64 and marked failed")]
    public static partial void InvalidUtf8(ILogger logger, string deliveryId, string topic, string shopDomain);

    [LoggerMessage(2005, LogLevel.Error,
        "A stored webhook secret cannot be decrypted; the Data Protection key may be lost. Set the secret again")]
    public static partial void SecretUnreadable(ILogger logger, Exception exception);
}
