using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Sintra.Hub.Web.Returns;

/// <summary>The order a customer found, carried between the returns page's forms instead of a cookie.</summary>
public sealed record PortalState(Guid OrderId, Guid ChannelId, string Locale);

/// <summary>
/// Signs and encrypts <see cref="PortalState"/> with Data Protection and a lifetime, because the page runs inside
/// shops' iframes where cookies are often blocked.
/// </summary>
public sealed class PortalToken(IDataProtectionProvider provider, TimeProvider clock)
{
    private readonly ITimeLimitedDataProtector protector =
        provider.CreateProtector("Sintra.Hub.Returns.Portal").ToTimeLimitedDataProtector();

    public string Protect(PortalState state, TimeSpan lifetime) =>
        protector.Protect(JsonSerializer.Serialize(state), clock.GetUtcNow().Add(lifetime));

    /// <summary>Returns the state, or null when the token is missing, altered or expired.</summary>
    public PortalState? Unprotect(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var json = protector.Unprotect(token, out var expiration);
            return expiration < clock.GetUtcNow() ? null : JsonSerializer.Deserialize<PortalState>(json);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
