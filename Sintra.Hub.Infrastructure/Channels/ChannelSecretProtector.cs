using Microsoft.AspNetCore.DataProtection;

namespace Sintra.Hub.Infrastructure.Channels;

/// <summary>
/// Encrypts channel secrets (webhook secrets, access tokens) for storage with ASP.NET Core Data Protection,
/// whose keys live in the hub's data folder.
/// </summary>
public sealed class ChannelSecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("Sintra.Hub.ChannelSecrets.v1");

    public string Protect(string secret) => protector.Protect(secret);

    /// <summary>Decrypts a stored secret; null or empty input returns null.</summary>
    public string? Unprotect(string? protectedSecret) =>
        string.IsNullOrEmpty(protectedSecret) ? null : protector.Unprotect(protectedSecret);

    /// <summary>Masks a secret for display: the last four characters only.</summary>
    public static string Mask(string? secret) =>
        string.IsNullOrEmpty(secret) ? string.Empty : "••••" + secret[^Math.Min(4, secret.Length)..];
}
