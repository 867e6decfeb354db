namespace Sintra.Hub.Core.Catalog.Versions;

/// <summary>Who or what changed a product: a user, an import, a channel webhook, the API, or a restore.</summary>
/// <param name="Kind">One of <see cref="VersionSourceKinds"/>.</param>
/// <param name="Author">The user's e-mail, the channel's name or the API key's name; null for jobs.</param>
/// <param name="Reference">The import id, webhook delivery id or restored version id, when there is one.</param>
public sealed record VersionSource(string Kind, string? Author, string? Reference = null);

public static class VersionSourceKinds
{
    public const string User = "user";
    public const string Import = "import";
    public const string Channel = "channel";
    public const string Api = "api";
    public const string Restore = "restore";
}

/// <summary>
/// Records product versions. Every writer of catalog data calls <see cref="CaptureAsync"/> for each product it
/// changed, after its changes are saved and before its transaction commits, so that the version is part of the
/// same transaction.
/// </summary>
public interface IProductVersioning
{
    /// <summary>
    /// Compares the product's current state with its latest version and, when anything differs, stores a new
    /// version with the source and a field-level diff. Returns the new version's number, or null when nothing changed.
    /// </summary>
    Task<int?> CaptureAsync(Guid productId, VersionSource source, CancellationToken cancellationToken);
}
