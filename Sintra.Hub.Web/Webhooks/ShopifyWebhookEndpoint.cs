using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Core.Webhooks;
using Sintra.Hub.Infrastructure.Channels;
using Sintra.Hub.Infrastructure.Inbox;
using Sintra.Hub.Infrastructure.Shopify;

namespace Sintra.Hub.Web.Webhooks;

/// <summary>
/// <c>POST /webhooks/shopify</c>: verifies the signature over the raw body, stores the delivery in the inbox
/// and returns 200 at once; the inbox job processes it.
/// </summary>
public static class ShopifyWebhookEndpoint
{
    private static readonly UTF8Encoding StrictUtf8 =
        new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<Results<Ok, ProblemHttpResult, UnauthorizedHttpResult>> HandleAsync(
        HttpRequest request,
        HubDbContext db,
        ChannelSecretProtector protector,
        InboxReceiver receiver,
        InboxWakeUp wakeUp,
        IOptions<InboxOptions> options,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(ShopifyWebhookEndpoint).FullName!);
        var headers = request.Headers;
        if (WebhookHeaders.FindProblem(headers) is { } headerProblem)
        {
            return TypedResults.Problem(
                headerProblem, statusCode: StatusCodes.Status400BadRequest, title: "Invalid webhook headers");
        }

        var topic = headers["X-Shopify-Topic"].ToString();
        var shopDomain = headers["X-Shopify-Shop-Domain"].ToString().Trim().ToLowerInvariant();
        var webhookId = headers["X-Shopify-Webhook-Id"].ToString();

        var body = await RequestBodyReader.ReadAsync(request, options.Value.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            WebhookLog.BodyTooLarge(logger, topic, shopDomain, options.Value.MaxBodyBytes);
            return TypedResults.Problem(
                $"The body exceeds {options.Value.MaxBodyBytes} bytes.",
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Webhook body too large");
        }

        var channel = await db.Channels.AsNoTracking()
            .Where(c => c.ShopDomain.ToLower() == shopDomain)
            .Select(c => new { c.Id, c.IsActive, c.WebhookSecretProtected, c.PreviousWebhookSecretProtected })
            .FirstOrDefaultAsync(cancellationToken);
        var signature = headers["X-Shopify-Hmac-Sha256"].ToString();
        if (channel is null)
        {
            WebhookLog.UnknownShop(logger, webhookId, topic, shopDomain);
            return TypedResults.Unauthorized();
        }

        string?[] secrets = [channel.WebhookSecretProtected, channel.PreviousWebhookSecretProtected];
        if (!WebhookSecrets.AnyMatches(protector, logger, signature, body, secrets))
        {
            WebhookLog.InvalidSignature(logger, webhookId, topic, shopDomain);
            return TypedResults.Unauthorized();
        }

        // The body is stored as text, so bytes that are not UTF-8 are rejected instead of being replaced.
        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            WebhookLog.InvalidUtf8(logger, webhookId, topic, shopDomain);
            return TypedResults.Problem(
                "The body is not valid UTF-8.",
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid webhook body");
        }

        var message = new InboxMessage
        {
            Source = ShopifyTopics.Source,
            WebhookId = webhookId,
            ChannelId = channel.Id,
            ShopDomain = shopDomain,
            Topic = topic,
            ApiVersion = WebhookHeaders.Optional(headers, "X-Shopify-API-Version"),
            EventId = WebhookHeaders.Optional(headers, "X-Shopify-Event-Id"),
            TriggeredAt = WebhookHeaders.Timestamp(headers, "X-Shopify-Triggered-At"),
            Body = text,
        };

        // A switched-off channel's deliveries are kept but not processed: staff can retry them from the inbox page
        // once the channel is active again.
        if (!channel.IsActive)
        {
            message.Status = InboxStatus.Ignored;
            message.LastError = $"Channel {shopDomain} is inactive; retry this message once the channel is active again.";
        }

        // The request's token is not used from here on: a client that disconnects after a verified delivery
        // must not leave it half stored.
        var receipt = await receiver.StoreAsync(message, CancellationToken.None);
        WebhookLog.Received(logger, webhookId, topic, shopDomain, receipt);
        if (receipt == InboxReceipt.Stored)
        {
            await wakeUp.WakeAsync(CancellationToken.None);
        }

        return TypedResults.Ok();
    }
}
