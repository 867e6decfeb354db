namespace Sintra.Hub.Core.Orders;

/// <summary>One entry of an order's timeline: a webhook applied, a user action, a job's work.</summary>
public class OrderEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrderId { get; set; }

    public DateTime OccurredAt { get; set; }

    /// <summary>Short machine-readable kind, for example <c>webhook:orders/paid</c> or <c>reserved</c>.</summary>
    public required string Kind { get; set; }

    public required string Message { get; set; }

    /// <summary>The inbox message that caused the event, when a webhook did.</summary>
    public Guid? InboxMessageId { get; set; }
}
