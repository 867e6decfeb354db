using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Integration;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Infrastructure.Integration;

/// <summary>
/// Creates, lists, revokes and checks API keys. A key reads <c>sk_&lt;prefix&gt;.&lt;secret&gt;</c>: the prefix finds the
/// row and the secret is compared by its SHA-256 hash in constant time. A fast hash is enough because the secret is
/// 32 random bytes (256 bits), so guessing it from a stolen hash is out of reach at any hash speed. A slow password
/// hash protects low-entropy passwords and would only add CPU time to every API request.
/// </summary>
public sealed class ApiKeyService(IDbContextFactory<HubDbContext> contexts, TimeProvider clock)
{
    public const string KeyStart = "sk_";

    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Stores a new key and returns it with the full key text, which is not stored and cannot be shown again.</summary>
    public async Task<ApiKeyCreation> CreateAsync(
        string name,
        IReadOnlyCollection<string> scopes,
        DateTime? expiresAt,
        string? createdBy,
        CancellationToken cancellationToken)
    {
        var errors = Validate(name, scopes, expiresAt);
        if (errors.Count > 0)
        {
            return new ApiKeyCreation(null, null, errors);
        }

        var prefix = KeyStart + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey
        {
            Name = name.Trim(),
            Prefix = prefix,
            SecretHash = Hash(secret),
            Scopes = string.Join(' ', ApiScopes.All.Where(scopes.Contains)),
            CreatedAt = Now,
            CreatedBy = createdBy,
            ExpiresAt = expiresAt,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return new ApiKeyCreation(key, $"{prefix}.{secret}", []);
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(cancellationToken);
    }

    /// <summary>Revokes a key at once; returns false when no such key exists.</summary>
    public async Task<bool> RevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = Now;
        var updated = await db.ApiKeys.Where(k => k.Id == id && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), cancellationToken);
        return updated == 1 || await db.ApiKeys.AnyAsync(k => k.Id == id, cancellationToken);
    }

    /// <summary>
    /// Returns the active key that matches <paramref name="presented"/>, or null when the text is malformed, unknown,
    /// revoked, expired or has a wrong secret. Records the time of use at most once a minute.
    /// </summary>
    public async Task<ApiKey?> AuthenticateAsync(string presented, CancellationToken cancellationToken)
    {
        var dot = presented.IndexOf('.', StringComparison.Ordinal);
        if (dot <= KeyStart.Length || dot == presented.Length - 1 || !presented.StartsWith(KeyStart, StringComparison.Ordinal))
        {
            return null;
        }

        var prefix = presented[..dot];
        var secret = presented[(dot + 1)..];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Prefix == prefix, cancellationToken);
        var now = Now;
        if (key is null || !CryptographicOperations.FixedTimeEquals(key.SecretHash, Hash(secret)) || !key.IsActive(now))
        {
            return null;
        }

        if (key.LastUsedAt is null || now - key.LastUsedAt >= LastUsedResolution)
        {
            await db.ApiKeys.Where(k => k.Id == key.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
            key.LastUsedAt = now;
        }

        return key;
    }

    /// <summary>Returns SHA-256 of the key's secret part as stored in <see cref="ApiKey.SecretHash"/>.</summary>
    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private List<string> Validate(string name, IReadOnlyCollection<string> scopes, DateTime? expiresAt)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add("The name is missing; enter a name that tells which integration uses the key.");
        }
        else if (name.Trim().Length > 100)
        {
            errors.Add($"The name has {name.Trim().Length} characters; shorten it to 100 or fewer.");
        }

        if (scopes.Count == 0)
        {
            errors.Add("No scope is selected; select at least one scope.");
        }

        foreach (var scope in scopes.Where(s => !ApiScopes.All.Contains(s)))
        {
            errors.Add($"The scope '{scope}' is unknown; use one of: {string.Join(", ", ApiScopes.All)}.");
        }

        if (expiresAt is { } expiry && expiry <= Now)
        {
            errors.Add($"The expiry {expiry:yyyy-MM-dd HH:mm} UTC is in the past; choose a future date or none.");
        }

        return errors;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>A created key and its full text, or the validation errors that stopped the creation.</summary>
public sealed record ApiKeyCreation(ApiKey? Key, string? FullKey, IReadOnlyList<string> Errors);
