using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Sintra.Hub.Infrastructure.Integration;

/// <summary>
/// Keeps outbound webhooks away from the hub's own network: http or https only, hosts from the allow-list when one
/// is configured, and, unless private addresses are allowed, only public IP addresses. The address check runs again
/// on every connection, so a host name that later resolves to a private address is still blocked.
/// </summary>
public sealed class WebhookUrlPolicy(IOptionsMonitor<WebhookOptions> options)
{
    private WebhookOptions Options => options.CurrentValue;

    /// <summary>Returns why the URL cannot be used, naming the value and the fix, or null when it can.</summary>
    public string? Check(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "The URL is missing; enter an absolute http or https URL, for example https://example.com/hooks.";
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return $"'{url}' is not an absolute URL; enter one such as https://example.com/hooks.";
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return $"The scheme '{uri.Scheme}' is not allowed; use http or https.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "The URL contains a user name or password; remove it and authenticate with the signature instead.";
        }

        var allowed = Options.AllowedHosts;
        if (allowed.Count > 0 && !allowed.Contains(uri.Host, StringComparer.OrdinalIgnoreCase))
        {
            return $"The host '{uri.Host}' is not in Integration:Webhooks:AllowedHosts; add it there or use an allowed host.";
        }

        if (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && !IsAllowed(address))
        {
            return $"The address {address} is private or local; use a public address or set "
                + "Integration:Webhooks:AllowPrivateAddresses.";
        }

        return null;
    }

    /// <summary>Returns true when a connection to <paramref name="address"/> is allowed.</summary>
    public bool IsAllowed(IPAddress address) => Options.AllowPrivateAddresses || IsPublic(address);

    /// <summary>Returns false for loopback, private, link-local, unique-local, unspecified and multicast addresses.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 10 || b[0] == 0 || b[0] >= 224
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127));
        }

        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal
            || address.IsIPv6Multicast);
    }

    /// <summary>
    /// Opens the TCP connection of a delivery after checking each resolved address, for
    /// <see cref="System.Net.Http.SocketsHttpHandler.ConnectCallback"/>.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(
        System.Net.Http.SocketsHttpConnectionContext context,
        CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var usable = addresses.Where(IsAllowed).ToList();
        if (usable.Count == 0)
        {
            throw new HttpRequestException(
                $"The host '{host}' resolves only to private or local addresses, which deliveries may not reach.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(usable.ToArray(), context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
