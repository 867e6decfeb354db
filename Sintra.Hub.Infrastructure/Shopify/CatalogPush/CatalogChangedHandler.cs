using Sintra.Hub.Core.CatalogSync;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Infrastructure.Outbox;

namespace Sintra.Hub.Infrastructure.Shopify.CatalogPush;

/// <summary>Delivers a <see cref="CatalogSyncTopics.CatalogChanged"/> row by pushing its product to its channel.</summary>
public sealed class CatalogChangedHandler(CatalogPushService push) : IOutboxHandler
{
    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (message.ChannelId is not { } channelId || message.EntityId is not { } productId)
        {
            throw new OutboxPermanentFailureException(
                $"Outbox row {message.Id} of topic {message.Topic} names no channel or no product.");
        }

        // A row with a payload comes from a staff request, which sends the product in full even when unchanged.
        await push.PushAsync(channelId, productId, force: message.Payload is not null, cancellationToken);
    }
}
