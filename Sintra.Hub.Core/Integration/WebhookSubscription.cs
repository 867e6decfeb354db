using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Integration;

/// <summary>An outbound webhook: a receiver URL, the events it wants and the secret that signs each delivery.</summary>
public class WebhookSubscription : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Absolute http or https URL that receives a POST per event.</summary>
    public required string Url { get; set; }

    /// <summary>Subscribed event types separated by spaces, each one of <see cref="WebhookEvents.All"/>.</summary>
    public required string Events { get; set; }

    /// <summary>The signing secret encrypted with Data Protection; it is needed in clear text to sign.</summary>
    public required string ProtectedSecret { get; set; }

    public bool IsEnabled { get; set; } = true;

    /// <summary>Why the hub disabled the subscription, for example a 410 Gone response; null when a user did.</summary>
    public string? DisabledReason { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }

    public IReadOnlyList<string> EventList => Events.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool Wants(string eventType) => EventList.Contains(eventType, StringComparer.Ordinal);
}

/// <summary>Event types that a subscription can receive; the value is the <c>type</c> field of the JSON body.</summary>
public static class WebhookEvents
{
    public const string OrderCreated = "order.created";
    public const string OrderShipped = "order.shipped";
    public const string StockChanged = "stock.changed";

    public static readonly IReadOnlyList<string> All = [OrderCreated, OrderShipped, StockChanged];
}

/// <summary>
/// One event for one subscription. Its id is the delivery id the receiver gets, the same on every retry, and the body
/// is stored so that a retry or a redelivery sends the same bytes.
/// </summary>
public class WebhookDelivery
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid SubscriptionId { get; set; }

    /// <summary>One of <see cref="WebhookEvents.All"/>.</summary>
    public required string EventType { get; set; }

    /// <summary>The event's id, the same for every subscription that receives it: the source outbox row id.</summary>
    public required string EventId { get; set; }

    /// <summary>The JSON body exactly as sent and signed.</summary>
    public required string Body { get; set; }

    public WebhookDeliveryStatus Status { get; set; } = WebhookDeliveryStatus.Pending;

    /// <summary>HTTP requests made so far, redeliveries included.</summary>
    public int Attempts { get; set; }

    /// <summary>HTTP status of the last response; null when the last attempt got none (timeout, refused).</summary>
    public int? LastStatusCode { get; set; }

    public int? LastDurationMs { get; set; }

    /// <summary>The first characters of the last response's body, or the error of the last attempt.</summary>
    public string? LastResponse { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? LastAttemptAt { get; set; }
}

public enum WebhookDeliveryStatus
{
    Pending,
    Retrying,
    Delivered,
    Failed,

    /// <summary>Not sent because the subscription was disabled before the attempt.</summary>
    Skipped,
}

/// <summary>
/// The stored response of a stock write sent with an <c>Idempotency-Key</c> header, so that a repeated request returns
/// the first response instead of moving stock again.
/// </summary>
public class ApiIdempotencyRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ApiKeyId { get; set; }

    public required string Key { get; set; }

    /// <summary>SHA-256 of the method, path and body, as hex; a reused key with another request is rejected.</summary>
    public required string RequestHash { get; set; }

    public int StatusCode { get; set; }

    public required string ResponseBody { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>Outbox topics of the integration events and webhook deliveries.</summary>
public static class IntegrationTopics
{
    /// <summary>
    /// Stock of a variant changed; <see cref="Outbox.OutboxMessage.EntityId"/> is the variant. The row is due
    /// <see cref="StockEventWindow"/> after the movement, and the first row handled absorbs the others of the variant.
    /// </summary>
    public const string StockChangedEvent = "integration.stock.changed";

    /// <summary>One HTTP delivery; <see cref="Outbox.OutboxMessage.EntityId"/> is the <see cref="WebhookDelivery"/> id.</summary>
    public const string WebhookDelivery = "integration.webhook.delivery";

    /// <summary>How long stock movements of one variant are collected into one <c>stock.changed</c> event.</summary>
    public static readonly TimeSpan StockEventWindow = TimeSpan.FromSeconds(5);
}
