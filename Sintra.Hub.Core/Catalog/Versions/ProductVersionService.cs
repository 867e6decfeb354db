using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Catalog.Versions;

/// <summary>Stores product versions, lists them and compares any two of them.</summary>
public sealed partial class ProductVersionService(
    HubDbContext db,
    ProductSnapshotReader reader,
    TimeProvider clock,
    ILogger<ProductVersionService> logger) : IProductVersioning
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public async Task<int?> CaptureAsync(Guid productId, VersionSource source, CancellationToken cancellationToken)
    {
        var version = await BuildAsync(productId, source, cancellationToken);
        if (version is null)
        {
            return null;
        }

        db.ProductVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);

        // A long import captures thousands of versions in one context, and each tracked row slows every later save.
        db.Entry(version).State = EntityState.Detached;
        return version.Number;
    }

    /// <summary>
    /// Captures many products with one save, for imports: each save scans every tracked row, so one save per
    /// product made large files slow. Returns the number of new versions.
    /// </summary>
    public async Task<int> CaptureManyAsync(IReadOnlyCollection<Guid> productIds, VersionSource source, CancellationToken cancellationToken)
    {
        var versions = new List<ProductVersion>();
        foreach (var productId in productIds.Distinct())
        {
            if (await BuildAsync(productId, source, cancellationToken) is { } version)
            {
                versions.Add(version);
            }
        }

        db.ProductVersions.AddRange(versions);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var version in versions)
        {
            db.Entry(version).State = EntityState.Detached;
        }

        return versions.Count;
    }

    private async Task<ProductVersion?> BuildAsync(Guid productId, VersionSource source, CancellationToken cancellationToken)
    {
        var snapshot = await reader.ReadAsync(productId, cancellationToken)
            ?? throw new InvalidOperationException($"Product {productId} was not found, so no version can be captured.");
        var latest = await db.ProductVersions.AsNoTracking()
            .Where(v => v.ProductId == productId)
            .OrderByDescending(v => v.Number)
            .FirstOrDefaultAsync(cancellationToken);
        var previous = latest is null ? null : Deserialize(latest.Snapshot);
        var changes = SnapshotDiff.Compare(previous, snapshot);
        if (changes.Count == 0)
        {
            return null;
        }

        var version = new ProductVersion
        {
            ProductId = productId,
            Number = (latest?.Number ?? 0) + 1,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Author = source.Author,
            SourceKind = source.Kind,
            SourceReference = source.Reference,
            Snapshot = JsonSerializer.Serialize(snapshot, Json),
            Changes = JsonSerializer.Serialize(changes, Json),
        };
        LogCaptured(logger, productId, version.Number, source.Kind, changes.Count);
        return version;
    }

    /// <summary>Returns the product's versions, newest first, without their snapshots.</summary>
    public Task<List<ProductVersionRow>> ListAsync(Guid productId, CancellationToken cancellationToken) =>
        db.ProductVersions.AsNoTracking()
            .Where(v => v.ProductId == productId)
            .OrderByDescending(v => v.Number)
            .Select(v => new ProductVersionRow(v.Number, v.CreatedAt, v.Author, v.SourceKind, v.SourceReference))
            .ToListAsync(cancellationToken);

    /// <summary>Returns the snapshot of one version, or null when the product has no such version.</summary>
    public async Task<ProductSnapshot?> GetSnapshotAsync(Guid productId, int number, CancellationToken cancellationToken)
    {
        var json = await db.ProductVersions.AsNoTracking()
            .Where(v => v.ProductId == productId && v.Number == number)
            .Select(v => v.Snapshot)
            .FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : Deserialize(json);
    }

    /// <summary>Returns the stored changes of one version against the version before it.</summary>
    public async Task<IReadOnlyList<FieldChange>> GetChangesAsync(Guid productId, int number, CancellationToken cancellationToken)
    {
        var json = await db.ProductVersions.AsNoTracking()
            .Where(v => v.ProductId == productId && v.Number == number)
            .Select(v => v.Changes)
            .FirstOrDefaultAsync(cancellationToken);
        return json is null ? [] : JsonSerializer.Deserialize<List<FieldChange>>(json, Json) ?? [];
    }

    /// <summary>Compares two versions of a product. Returns null when either version does not exist.</summary>
    public async Task<IReadOnlyList<FieldChange>?> CompareAsync(
        Guid productId,
        int from,
        int to,
        CancellationToken cancellationToken)
    {
        var before = await GetSnapshotAsync(productId, from, cancellationToken);
        var after = await GetSnapshotAsync(productId, to, cancellationToken);
        return before is null || after is null ? null : SnapshotDiff.Compare(before, after);
    }

    internal static ProductSnapshot Deserialize(string json) =>
        JsonSerializer.Deserialize<ProductSnapshot>(json, Json)
        ?? throw new InvalidOperationException("A stored product version has an empty snapshot.");

    [LoggerMessage(1301, LogLevel.Information,
        "Product {ProductId} version {Number} captured from {SourceKind} with {ChangeCount} field changes")]
    private static partial void LogCaptured(ILogger logger, Guid productId, int number, string sourceKind, int changeCount);
}

/// <summary>A version as listed on the history tab.</summary>
public sealed record ProductVersionRow(int Number, DateTime CreatedAt, string? Author, string SourceKind, string? SourceReference);
