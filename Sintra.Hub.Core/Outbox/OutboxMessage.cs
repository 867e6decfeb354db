using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Outbox;

/// <summary>
/// A change that a channel must hear about, written in the same transaction as the change itself and delivered
/// later by a job, with retries, so that nothing is lost when the process stops or the channel is down.
/// </summary>
public class OutboxMessage : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>What changed, one of <see cref="OutboxTopics"/>.</summary>
    public required string Topic { get; set; }

    /// <summary>The channel to tell, or null when every channel concerned should hear of it.</summary>
    public Guid? ChannelId { get; set; }

    /// <summary>The changed entity, for example the variant whose stock changed.</summary>
    public Guid? EntityId { get; set; }

    /// <summary>Topic-specific detail, for example the warehouse id of a stock change.</summary>
    public string? Payload { get; set; }

    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;

    public int Attempts { get; set; }

    public DateTime NextAttemptAt { get; set; }

    public DateTime? LockedUntil { get; set; }

    public string? LastError { get; set; }

    /// <summary>
    /// Key of the channel call this row leads, kept across retries so that the channel applies a resent call once.
    /// </summary>
    public string? IdempotencyKey { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ProcessedAt { get; set; }

    public long Version { get; set; }
}

public enum OutboxStatus
{
    Pending,
    Processing,
    Done,
    Retrying,
    Failed,
}

public static class OutboxTopics
{
    /// <summary>Stock of a variant changed in one warehouse; <see cref="OutboxMessage.Payload"/> is the warehouse id.</summary>
    public const string StockChanged = "stock.changed";

    /// <summary>
    /// E-mail to the customer that an order shipped. <see cref="OutboxMessage.EntityId"/> is the order id and
    /// <see cref="OutboxMessage.Payload"/> is a <c>ShipmentNotice</c> as JSON (shipment id, carrier, tracking, lines).
    /// </summary>
    public const string ShipmentEmail = "email.order-shipped";

    /// <summary>Outbound integration event that an order arrived; the entity is the order id.</summary>
    public const string OrderCreatedEvent = "integration.order.created";

    /// <summary>Outbound integration event that an order shipped; the entity is the order, the payload a <c>ShipmentNotice</c>.</summary>
    public const string OrderShippedEvent = "integration.order.shipped";
}
