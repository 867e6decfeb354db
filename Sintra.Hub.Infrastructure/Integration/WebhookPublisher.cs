using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Integration;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Infrastructure.Integration;

/// <summary>
/// Turns one integration event into one <see cref="WebhookDelivery"/> and one outbox row per enabled subscription
/// that wants it, in one transaction. The event id is the source outbox row id, so a retried source row that had
/// already fanned out adds nothing.
/// </summary>
public sealed class WebhookPublisher(HubDbContext db, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Stores the deliveries of the event and returns how many subscriptions receive it.</summary>
    public async Task<int> PublishAsync(
        OutboxMessage source,
        string eventType,
        object data,
        CancellationToken cancellationToken)
    {
        var eventId = source.Id.ToString();
        if (await db.WebhookDeliveries.AnyAsync(d => d.EventId == eventId, cancellationToken))
        {
            return 0;
        }

        var subscriptions = (await db.WebhookSubscriptions.AsNoTracking().Where(s => s.IsEnabled)
                .ToListAsync(cancellationToken))
            .Where(s => s.Wants(eventType))
            .ToList();
        if (subscriptions.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var body = JsonSerializer.Serialize(new WebhookEnvelope(eventId, eventType, now, data), Json);
        foreach (var subscription in subscriptions)
        {
            var delivery = new WebhookDelivery
            {
                SubscriptionId = subscription.Id,
                EventType = eventType,
                EventId = eventId,
                Body = body,
                CreatedAt = now,
            };
            db.WebhookDeliveries.Add(delivery);
            db.OutboxMessages.Add(WebhookService.NewDeliveryRow(delivery.Id, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        return subscriptions.Count;
    }
}

/// <summary>The JSON body of every webhook: the event id, its type, when it was created, and the event data.</summary>
public sealed record WebhookEnvelope(string Id, string Type, DateTime CreatedAt, object Data);
