using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Channels;
using Sintra.Hub.Infrastructure.Shopify.Admin;

namespace Sintra.Hub.Infrastructure.Shopify.Sync;

/// <summary>Connection settings of a channel as shown on the sync page; the token itself is never returned.</summary>
public sealed record ChannelSyncSettings(Guid ChannelId, string ChannelName, bool HasAccessToken,
    string? ApiBaseAddress, bool PushEnabled);

/// <summary>A location mapping to save: a Shopify location and the warehouse it carries, or null for all.</summary>
public sealed record LocationMappingInput(string LocationId, string LocationName, Guid? WarehouseId);

/// <summary>Reads and saves a channel's Admin API connection and its location mappings.</summary>
public sealed class ChannelSyncSettingsService(
    HubDbContext db,
    ChannelSecretProtector protector,
    ShopifyChannelClients clients)
{
    public async Task<ChannelSyncSettings?> GetAsync(Guid channelId, CancellationToken cancellationToken)
    {
        var channel = await db.Channels.AsNoTracking().SingleOrDefaultAsync(c => c.Id == channelId, cancellationToken);
        if (channel is null)
        {
            return null;
        }

        var sync = await db.ShopifySyncs.AsNoTracking()
            .SingleOrDefaultAsync(s => s.ChannelId == channelId, cancellationToken);
        return new ChannelSyncSettings(channel.Id, channel.Name, sync?.AccessTokenProtected is not null,
            sync?.ApiBaseAddress, sync?.PushEnabled ?? false);
    }

    /// <summary>
    /// Saves the connection. A null or blank <paramref name="accessToken"/> keeps the stored token. Returns an
    /// error message for an invalid base address, or null.
    /// </summary>
    public async Task<string?> SaveAsync(Guid channelId, string? accessToken, string? apiBaseAddress, bool pushEnabled,
        CancellationToken cancellationToken)
    {
        var address = string.IsNullOrWhiteSpace(apiBaseAddress) ? null : apiBaseAddress.Trim();
        if (address is not null && (!Uri.TryCreate(address, UriKind.Absolute, out var uri)
                                    || uri.Scheme is not ("http" or "https")))
        {
            return $"The API base address '{address}' is not an absolute http or https address.";
        }

        var sync = await db.ShopifySyncs.SingleOrDefaultAsync(s => s.ChannelId == channelId, cancellationToken);
        if (sync is null)
        {
            sync = new ShopifyChannelSync { ChannelId = channelId };
            db.ShopifySyncs.Add(sync);
        }

        if (!string.IsNullOrWhiteSpace(accessToken))
        {
            sync.AccessTokenProtected = protector.Protect(accessToken.Trim());
        }

        sync.ApiBaseAddress = address;
        sync.PushEnabled = pushEnabled;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Reads the shop's locations through the Admin API.</summary>
    public async Task<ShopifyResult<IReadOnlyList<ShopifyLocation>>> FetchLocationsAsync(Guid channelId,
        CancellationToken cancellationToken)
    {
        var channel = await db.Channels.AsNoTracking().SingleAsync(c => c.Id == channelId, cancellationToken);
        var sync = await db.ShopifySyncs.AsNoTracking().SingleOrDefaultAsync(s => s.ChannelId == channelId,
            cancellationToken) ?? new ShopifyChannelSync { ChannelId = channelId };
        var (client, error) = clients.Create(channel, sync);
        return client is null
            ? ShopifyResult<IReadOnlyList<ShopifyLocation>>.Failure(
                new ShopifyAdminError(ShopifyAdminErrorKind.Unauthorized, error!))
            : await client.GetLocationsAsync(cancellationToken);
    }

    public Task<List<ShopifyLocationMapping>> GetMappingsAsync(Guid channelId, CancellationToken cancellationToken) =>
        db.ShopifyLocations.AsNoTracking().Where(m => m.ChannelId == channelId)
            .OrderBy(m => m.LocationName).ToListAsync(cancellationToken);

    /// <summary>
    /// Replaces the channel's location mappings and deletes the stored Shopify levels of unmapped locations. Returns an error
    /// message when the mappings mix a location for the whole stock with per-warehouse ones, or map one warehouse
    /// twice, or null.
    /// </summary>
    public async Task<string?> SaveMappingsAsync(Guid channelId, IReadOnlyList<LocationMappingInput> mappings,
        CancellationToken cancellationToken)
    {
        if (mappings.Count > 1 && mappings.Any(m => m.WarehouseId is null))
        {
            return "A location that carries the channel's whole stock must be the only mapped location.";
        }

        if (mappings.Where(m => m.WarehouseId is not null).GroupBy(m => m.WarehouseId).Any(g => g.Count() > 1))
        {
            return "Each warehouse can be mapped to one location only.";
        }

        var mappedLocations = mappings.Select(m => m.LocationId).ToList();
        await db.ShopifyLocations.Where(m => m.ChannelId == channelId).ExecuteDeleteAsync(cancellationToken);
        await db.ShopifyLevelStates.Where(s => s.ChannelId == channelId && !mappedLocations.Contains(s.LocationId))
            .ExecuteDeleteAsync(cancellationToken);
        db.ShopifyLocations.AddRange(mappings.Select(m => new ShopifyLocationMapping
        {
            ChannelId = channelId,
            LocationId = m.LocationId,
            LocationName = m.LocationName,
            WarehouseId = m.WarehouseId,
        }));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
