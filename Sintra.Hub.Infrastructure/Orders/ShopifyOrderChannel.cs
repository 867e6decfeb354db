using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Outbox;
using Sintra.Hub.Infrastructure.Shopify.Admin;
using Sintra.Hub.Infrastructure.Shopify.Sync;

namespace Sintra.Hub.Infrastructure.Orders;

/// <summary>The Admin API client of an order's channel, and the error rules of the order pushes.</summary>
public sealed class ShopifyOrderChannel(HubDbContext db, ShopifyChannelClients clients)
{
    /// <summary>
    /// Creates the client of a channel. A channel without Admin API settings or token fails the row, because no
    /// retry fixes it until staff configure the channel.
    /// </summary>
    public async Task<ShopifyAdminClient> CreateClientAsync(Guid channelId, CancellationToken cancellationToken)
    {
        var target = await SyncChannel.LoadAsync(db, channelId, cancellationToken);
        if (target is null)
        {
            var name = await db.Channels.Where(c => c.Id == channelId).Select(c => c.Name)
                .SingleOrDefaultAsync(cancellationToken);
            throw new OutboxPermanentFailureException(
                $"Channel '{name ?? "unknown"}' ({channelId}) has no Shopify Admin API settings; set them on the "
                + "channel sync page.");
        }

        var (client, error) = clients.Create(target.Channel, target.Sync);
        return client ?? throw new OutboxPermanentFailureException(error!);
    }

    /// <summary>
    /// Returns the value of a call. Network errors, 5xx, timeouts and throttling throw an exception that the outbox
    /// retries with backoff. Any other failure, such as authentication, a missing scope or a rejected document,
    /// fails the row.
    /// </summary>
    public static T Unwrap<T>(ShopifyResult<T> result, string action, Order order)
    {
        if (result.Error is null)
        {
            return result.Value!;
        }

        var message = $"Shopify call to {action} order {order.Name} failed: {result.Error.Message}";
        throw result.Error.Kind is ShopifyAdminErrorKind.Unavailable or ShopifyAdminErrorKind.Throttled
            ? new HttpRequestException(message)
            : new OutboxPermanentFailureException(message);
    }

    public static string Describe(ShopifyMutationOutcome outcome) =>
        string.Join("; ", outcome.UserErrors.Select(e =>
            e.Field is { Count: > 0 } field ? $"{string.Join('.', field)}: {e.Message}" : e.Message));
}
