using System.Globalization;
using System.Security.Cryptography;
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

    private static readonly string[] RequiredHeaders =
        ["X-Shopify-Topic", "X-Shopify-Hmac-Sha256", "X-Shopify-Shop-Domain", "X-Shopify-Webhook-Id"];

    public static async Task<Results<Ok, ProblemHttpResult, UnauthorizedHttpResult>> HandleAsync(
        HttpRequest request,
        HubDbContext db,
        ChannelSecretProtector protector,
        InboxReceiver receiver,
        InboxWakeUp wakeUp,
        IOptions<InboxOptions> options,
        ILogger<InboxReceiver> logger,
        CancellationToken cancellationToken)
    {
        var headers = request.Headers;
        var missing = RequiredHeaders.FirstOrDefault(h => string.IsNullOrWhiteSpace(headers[h]));
        if (missing is not null)
        {
            return TypedResults.Problem(
                $"The header {missing} is missing.", statusCode: StatusCodes.Status400BadRequest,
                title: "Missing webhook header");
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
            .Select(c => new { c.Id, c.WebhookSecretProtected, c.PreviousWebhookSecretProtected })
            .FirstOrDefaultAsync(cancellationToken);
        var signature = headers["X-Shopify-Hmac-Sha256"].ToString();
        string?[] secrets = channel is null ? [] : [channel.WebhookSecretProtected, channel.PreviousWebhookSecretProtected];
        if (channel is null || !SignatureMatches(protector, logger, signature, body, secrets))
        {
            WebhookLog.Unauthorized(logger, topic, shopDomain, webhookId, channel is null);
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
            ApiVersion = OptionalHeader(headers, "X-Shopify-API-Version"),
            EventId = OptionalHeader(headers, "X-Shopify-Event-Id"),
            TriggeredAt = ParseTimestamp(OptionalHeader(headers, "X-Shopify-Triggered-At")),
            Body = text,
        };

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

    private static bool SignatureMatches(
        ChannelSecretProtector protector,
        ILogger logger,
        string signature,
        byte[] body,
        string?[] protectedSecrets)
    {
        foreach (var protectedSecret in protectedSecrets)
        {
            string? secret;
            try
            {
                secret = protector.Unprotect(protectedSecret);
            }
            catch (CryptographicException exception)
            {
                // A secret encrypted with a Data Protection key that is gone cannot verify anything.
                WebhookLog.SecretUnreadable(logger, exception);
                continue;
            }

            if (secret is not null && ShopifyWebhookSignature.Verify(secret, body, signature))
            {
                return true;
            }
        }

        return false;
    }

    private static string? OptionalHeader(IHeaderDictionary headers, string name) =>
        headers.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString() : null;

    private static DateTime? ParseTimestamp(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value.UtcDateTime
            : null;
}
