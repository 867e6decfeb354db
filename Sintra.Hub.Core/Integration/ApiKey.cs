namespace Sintra.Hub.Core.Integration;

/// <summary>
/// A key that an integration sends as <c>Authorization: Bearer &lt;prefix&gt;.&lt;secret&gt;</c>. Only the prefix and a
/// SHA-256 hash of the secret are stored, so the full key is shown once, when it is created.
/// </summary>
public class ApiKey
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    /// <summary>Public part of the key, unique, used to find the row before the hash is compared.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the secret part, 32 bytes.</summary>
    public required byte[] SecretHash { get; set; }

    /// <summary>Granted scopes separated by spaces, each one of <see cref="ApiScopes.All"/>.</summary>
    public required string Scopes { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The user who created the key.</summary>
    public string? CreatedBy { get; set; }

    /// <summary>The key stops working at this time; null means it does not expire.</summary>
    public DateTime? ExpiresAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    /// <summary>Time of the last authenticated request, written at most once a minute.</summary>
    public DateTime? LastUsedAt { get; set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool IsActive(DateTime now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}

/// <summary>The permissions an API key can carry; each endpoint requires one of them.</summary>
public static class ApiScopes
{
    public const string ProductsRead = "products:read";
    public const string ProductsWrite = "products:write";
    public const string StockRead = "stock:read";
    public const string StockWrite = "stock:write";
    public const string OrdersRead = "orders:read";
    public const string OrdersWrite = "orders:write";
    public const string ReturnsRead = "returns:read";
    public const string ReturnsWrite = "returns:write";
    public const string WebhooksManage = "webhooks:manage";

    public static readonly IReadOnlyList<string> All =
    [
        ProductsRead, ProductsWrite, StockRead, StockWrite, OrdersRead, OrdersWrite, ReturnsRead, ReturnsWrite,
        WebhooksManage,
    ];
}
