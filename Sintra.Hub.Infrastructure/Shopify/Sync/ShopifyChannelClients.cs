using Sintra.Hub.Core.Channels;
using Sintra.Hub.Infrastructure.Channels;
using Sintra.Hub.Infrastructure.Shopify.Admin;

namespace Sintra.Hub.Infrastructure.Shopify.Sync;

/// <summary>Creates the Admin API client of a channel from its stored, encrypted access token.</summary>
public sealed class ShopifyChannelClients(ShopifyAdminClientFactory factory, ChannelSecretProtector protector)
{
    /// <summary>Returns the client, or null with a reason when the channel has no usable token or address.</summary>
    public (ShopifyAdminClient? Client, string? Error) Create(SalesChannel channel, ShopifyChannelSync sync)
    {
        var token = protector.Unprotect(sync.AccessTokenProtected);
        if (string.IsNullOrWhiteSpace(token))
        {
            return (null, $"Channel {channel.Name} has no Admin API access token; set one on the channel sync page.");
        }

        Uri? baseAddress = null;
        if (!string.IsNullOrWhiteSpace(sync.ApiBaseAddress)
            && !Uri.TryCreate(sync.ApiBaseAddress, UriKind.Absolute, out baseAddress))
        {
            return (null, $"Channel {channel.Name} has an invalid API base address '{sync.ApiBaseAddress}'.");
        }

        return (factory.Create(new ShopifyShopConnection(channel.ShopDomain, token, baseAddress)), null);
    }
}
