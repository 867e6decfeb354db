using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sintra.Hub.Core.Integration;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Outbox;
using Sintra.Hub.Infrastructure.Shopify.Sync;

namespace Sintra.Hub.Infrastructure.Integration;

/// <summary>
/// Sends one <see cref="WebhookDelivery"/> as a signed POST. A 2xx response settles it. A 410 Gone disables the
/// subscription and fails the delivery for good. Any other response, a timeout or a connection error throws, so the
/// outbox retries the row with backoff and the same delivery id.
/// </summary>
public sealed partial class WebhookDeliveryHandler(
    HubDbContext db,
    IHttpClientFactory httpClients,
    WebhookSecretProtector secrets,
    WebhookUrlPolicy urlPolicy,
    IOptions<WebhookOptions> options,
    IOptions<StockSyncOptions> outboxOptions,
    TimeProvider clock,
    ILogger<WebhookDeliveryHandler> logger) : IOutboxHandler
{
    public const string HttpClientName = "webhooks";

    private const int SnippetLength = 500;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == message.EntityId, cancellationToken);
        if (delivery is null)
        {
            return;
        }

        var subscription = await db.WebhookSubscriptions
            .SingleOrDefaultAsync(s => s.Id == delivery.SubscriptionId, cancellationToken);
        if (subscription is null || !subscription.IsEnabled)
        {
            delivery.Status = WebhookDeliveryStatus.Skipped;
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        if (urlPolicy.Check(subscription.Url) is { } urlError)
        {
            delivery.Status = WebhookDeliveryStatus.Failed;
            delivery.LastResponse = Clip(urlError);
            await db.SaveChangesAsync(cancellationToken);
            throw new OutboxPermanentFailureException(urlError);
        }

        var outcome = await SendAsync(delivery, subscription, cancellationToken);
        delivery.Attempts++;
        delivery.LastAttemptAt = clock.GetUtcNow().UtcDateTime;
        delivery.LastStatusCode = outcome.StatusCode;
        delivery.LastDurationMs = outcome.DurationMs;
        delivery.LastResponse = Clip(outcome.Response);

        if (outcome.StatusCode is >= 200 and < 300)
        {
            delivery.Status = WebhookDeliveryStatus.Delivered;
            await db.SaveChangesAsync(cancellationToken);
            LogDelivered(logger, delivery.Id, subscription.Id, outcome.StatusCode.Value, outcome.DurationMs);
            return;
        }

        if (outcome.StatusCode == (int)HttpStatusCode.Gone)
        {
            subscription.IsEnabled = false;
            subscription.DisabledReason = $"The receiver responded with 410 Gone to delivery {delivery.Id}.";
            subscription.UpdatedAt = delivery.LastAttemptAt.Value;
            delivery.Status = WebhookDeliveryStatus.Failed;
            await db.SaveChangesAsync(cancellationToken);
            LogDisabled(logger, subscription.Id, delivery.Id);
            throw new OutboxPermanentFailureException(subscription.DisabledReason);
        }

        // The outbox gives up after this attempt when it is the last one, so the delivery shows as failed then.
        delivery.Status = message.Attempts >= outboxOptions.Value.MaxAttempts
            ? WebhookDeliveryStatus.Failed
            : WebhookDeliveryStatus.Retrying;
        await db.SaveChangesAsync(cancellationToken);
        var error = outcome.StatusCode is { } code
            ? $"The receiver responded with {code} to delivery {delivery.Id}."
            : $"Delivery {delivery.Id} got no response: {outcome.Response}";
        LogFailed(logger, delivery.Id, subscription.Id, message.Attempts, error);
        throw new HttpRequestException(error);
    }

    private async Task<DeliveryOutcome> SendAsync(
        WebhookDelivery delivery,
        WebhookSubscription subscription,
        CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(delivery.Body);
        var secret = secrets.Unprotect(subscription.ProtectedSecret);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, body));
        request.Headers.Add(WebhookSignature.TimestampHeader,
            clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.Id.ToString());
        request.Headers.Add(WebhookSignature.EventHeader, delivery.EventType);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        var watch = Stopwatch.StartNew();
        try
        {
            var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var text = await ReadSnippetAsync(response, timeout.Token);
            return new DeliveryOutcome((int)response.StatusCode, (int)watch.ElapsedMilliseconds, text);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryOutcome(null, (int)watch.ElapsedMilliseconds,
                $"Timed out after {options.Value.TimeoutSeconds} s.");
        }
        catch (HttpRequestException exception)
        {
            return new DeliveryOutcome(null, (int)watch.ElapsedMilliseconds, exception.Message);
        }
    }

    private static async Task<string> ReadSnippetAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new char[SnippetLength];
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var read = await reader.ReadBlockAsync(buffer, cancellationToken);
        return new string(buffer, 0, read);
    }

    private static string? Clip(string? text)
    {
        if (text is null || text.Length <= SnippetLength)
        {
            return text;
        }

        return text[..SnippetLength];
    }

    private sealed record DeliveryOutcome(int? StatusCode, int DurationMs, string? Response);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information,
        Message = "Webhook delivery {DeliveryId} to subscription {SubscriptionId} responded with {StatusCode} in {DurationMs} ms")]
    private static partial void LogDelivered(ILogger logger, Guid deliveryId, Guid subscriptionId, int statusCode, int durationMs);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning,
        Message = "Webhook delivery {DeliveryId} to subscription {SubscriptionId} failed on attempt {Attempt}: {Error}")]
    private static partial void LogFailed(ILogger logger, Guid deliveryId, Guid subscriptionId, int attempt, string error);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning,
        Message = "Webhook subscription {SubscriptionId} disabled: the receiver responded with 410 Gone to delivery {DeliveryId}")]
    private static partial void LogDisabled(ILogger logger, Guid subscriptionId, Guid deliveryId);
}
