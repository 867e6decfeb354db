using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Assets;

/// <summary>A search of the asset library. Page numbers start at 0.</summary>
/// <param name="FolderId">Folder whose assets are listed, or null for every asset.</param>
/// <param name="Text">Matched against file name, titles and tags; ignored when blank.</param>
public sealed record AssetQuery(Guid? FolderId, string? Text, AssetKind? Kind, int Page, int PageSize);

public sealed record AssetPage(IReadOnlyList<Asset> Items, int TotalCount);

/// <summary>A folder with the number of assets directly inside it.</summary>
public sealed record AssetFolderNode(Guid Id, Guid? ParentId, string Name, int AssetCount);

/// <summary>Editable metadata of an asset; <see cref="Version"/> is the version the form read.</summary>
public sealed record AssetMetadata(
    long Version,
    string? Tags,
    string? TitleIt,
    string? TitleEn,
    string? AltTextIt,
    string? AltTextEn);

public enum AssetDeleteOutcome
{
    Deleted,

    /// <summary>Product images still link the asset and the caller did not ask to unlink them first.</summary>
    Linked,

    NotFound,
}

/// <summary>Searches, folders, metadata edits, moves and deletes of library assets. Uploads are in Infrastructure.</summary>
public sealed partial class AssetLibrary(HubDbContext db, IAssetStore store, TimeProvider clock, ILogger<AssetLibrary> logger)
{
    public const int MaxTagsLength = 1000;

    public async Task<AssetPage> SearchAsync(AssetQuery query, CancellationToken cancellationToken)
    {
        var assets = db.Assets.AsNoTracking();
        if (query.FolderId is not null)
        {
            assets = assets.Where(a => a.FolderId == query.FolderId);
        }

        if (query.Kind is not null)
        {
            assets = assets.Where(a => a.Kind == query.Kind);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            // ToLower on both sides, because SQLite's LIKE folds only ASCII and PostgreSQL's is case-sensitive.
            var text = query.Text.Trim().ToLowerInvariant();
            assets = assets.Where(a =>
                a.FileName.ToLower().Contains(text)
                || (a.TitleIt != null && a.TitleIt.ToLower().Contains(text))
                || (a.TitleEn != null && a.TitleEn.ToLower().Contains(text))
                || (a.Tags != null && a.Tags.ToLower().Contains(text)));
        }

        var total = await assets.CountAsync(cancellationToken);
        var items = await assets
            .OrderByDescending(a => a.CreatedAt)
            .ThenByDescending(a => a.Id)
            .Skip(Math.Max(0, query.Page) * query.PageSize)
            .Take(query.PageSize)
            .ToListAsync(cancellationToken);
        return new AssetPage(items, total);
    }

    public Task<Asset?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    /// <summary>Returns an asset with the same content, found by SHA-256, or null.</summary>
    public Task<Asset?> FindBySha256Async(string sha256, CancellationToken cancellationToken) =>
        db.Assets.AsNoTracking().OrderBy(a => a.CreatedAt).FirstOrDefaultAsync(a => a.Sha256 == sha256, cancellationToken);

    public async Task<IReadOnlyList<AssetFolderNode>> ListFoldersAsync(CancellationToken cancellationToken)
    {
        var counts = await db.Assets.AsNoTracking().Where(a => a.FolderId != null)
            .GroupBy(a => a.FolderId!.Value)
            .Select(g => new { FolderId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.FolderId, g => g.Count, cancellationToken);
        var folders = await db.AssetFolders.AsNoTracking().OrderBy(f => f.Name).ToListAsync(cancellationToken);
        return folders.Select(f => new AssetFolderNode(f.Id, f.ParentId, f.Name, counts.GetValueOrDefault(f.Id))).ToList();
    }

    /// <summary>Creates a folder; the name must be 1 to 100 characters, without '/', and unique in its parent.</summary>
    public async Task<SaveResult> CreateFolderAsync(Guid? parentId, string name, CancellationToken cancellationToken)
    {
        name = name.Trim();
        if (name.Length is 0 or > 100 || name.Contains('/', StringComparison.Ordinal))
        {
            return SaveResult.Invalid([new FieldError("Name", "Invalid")]);
        }

        if (parentId is not null && !await db.AssetFolders.AnyAsync(f => f.Id == parentId, cancellationToken))
        {
            return SaveResult.NotFound;
        }

        if (await db.AssetFolders.AnyAsync(f => f.ParentId == parentId && f.Name == name, cancellationToken))
        {
            return SaveResult.Invalid([new FieldError("Name", "Duplicate")]);
        }

        var folder = new AssetFolder { ParentId = parentId, Name = name, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.AssetFolders.Add(folder);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(folder.Id, folder.Version);
    }

    /// <summary>Deletes an empty folder: one without assets and without subfolders.</summary>
    public async Task<bool> DeleteFolderAsync(Guid folderId, CancellationToken cancellationToken)
    {
        var folder = await db.AssetFolders.FirstOrDefaultAsync(f => f.Id == folderId, cancellationToken);
        if (folder is null
            || await db.AssetFolders.AnyAsync(f => f.ParentId == folderId, cancellationToken)
            || await db.Assets.AnyAsync(a => a.FolderId == folderId, cancellationToken))
        {
            return false;
        }

        db.AssetFolders.Remove(folder);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Saves titles, alt texts and tags. Tags are trimmed and de-duplicated, ignoring case.</summary>
    public async Task<SaveResult> UpdateMetadataAsync(Guid id, AssetMetadata metadata, CancellationToken cancellationToken)
    {
        var asset = await db.Assets.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (asset is null)
        {
            return SaveResult.NotFound;
        }

        if (asset.Version != metadata.Version)
        {
            return SaveResult.Conflict;
        }

        var tags = NormalizeTags(metadata.Tags);
        var errors = new List<FieldError>();
        if (tags?.Length > MaxTagsLength)
        {
            errors.Add(new FieldError("Tags", "TooLong"));
        }

        CheckLength(errors, "TitleIt", metadata.TitleIt, 255);
        CheckLength(errors, "TitleEn", metadata.TitleEn, 255);
        CheckLength(errors, "AltTextIt", metadata.AltTextIt, 512);
        CheckLength(errors, "AltTextEn", metadata.AltTextEn, 512);
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        asset.Tags = tags;
        asset.TitleIt = Blank(metadata.TitleIt);
        asset.TitleEn = Blank(metadata.TitleEn);
        asset.AltTextIt = Blank(metadata.AltTextIt);
        asset.AltTextEn = Blank(metadata.AltTextEn);
        asset.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Conflict;
        }

        return SaveResult.Saved(asset.Id, asset.Version);
    }

    /// <summary>Moves assets into a folder, or to the library's top level when <paramref name="folderId"/> is null.</summary>
    /// <returns>The number of assets moved, or -1 when the folder does not exist.</returns>
    public async Task<int> MoveAsync(IReadOnlyCollection<Guid> assetIds, Guid? folderId, CancellationToken cancellationToken)
    {
        if (folderId is not null && !await db.AssetFolders.AnyAsync(f => f.Id == folderId, cancellationToken))
        {
            return -1;
        }

        var assets = await db.Assets.Where(a => assetIds.Contains(a.Id)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var asset in assets)
        {
            asset.FolderId = folderId;
            asset.UpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        return assets.Count;
    }

    public Task<int> CountLinksAsync(Guid assetId, CancellationToken cancellationToken) =>
        db.ProductImages.CountAsync(i => i.AssetId == assetId, cancellationToken);

    /// <summary>
    /// Deletes an asset and its files. A linked asset is kept unless <paramref name="unlinkFirst"/> is set, in which
    /// case its product images are removed and the remaining images renumbered.
    /// </summary>
    public async Task<AssetDeleteOutcome> DeleteAsync(Guid id, bool unlinkFirst, CancellationToken cancellationToken)
    {
        var asset = await db.Assets.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (asset is null)
        {
            return AssetDeleteOutcome.NotFound;
        }

        var links = await db.ProductImages.Where(i => i.AssetId == id).ToListAsync(cancellationToken);
        if (links.Count > 0 && !unlinkFirst)
        {
            return AssetDeleteOutcome.Linked;
        }

        var productIds = links.Select(l => l.ProductId).Distinct().ToList();
        db.ProductImages.RemoveRange(links);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var product in await db.Products.Include(p => p.Images).Where(p => productIds.Contains(p.Id)).ToListAsync(cancellationToken))
        {
            var position = 1;
            foreach (var image in product.Images.Where(i => i.AssetId != id).OrderBy(i => i.Position))
            {
                image.Position = position++;
            }

            product.UpdatedAt = now;
        }

        db.Assets.Remove(asset);
        await db.SaveChangesAsync(cancellationToken);

        // The row goes first: a file left behind by a failed delete wastes space, a row without its file breaks pages.
        await store.DeleteAsync(asset.StorageKey, cancellationToken);
        if (asset.ThumbnailKey is not null)
        {
            await store.DeleteAsync(asset.ThumbnailKey, cancellationToken);
        }

        LogDeleted(logger, asset.Id, asset.FileName, links.Count);
        return AssetDeleteOutcome.Deleted;
    }

    /// <summary>Trims comma-separated tags, drops empty and repeated ones (ignoring case), and joins them with ", ".</summary>
    public static string? NormalizeTags(string? tags)
    {
        var list = (tags ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return list.Count == 0 ? null : string.Join(", ", list);
    }

    private static void CheckLength(List<FieldError> errors, string field, string? value, int max)
    {
        if (value?.Trim().Length > max)
        {
            errors.Add(new FieldError(field, "TooLong"));
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [LoggerMessage(2301, LogLevel.Information, "Asset {AssetId} ({FileName}) deleted, {LinkCount} product images unlinked")]
    private static partial void LogDeleted(ILogger logger, Guid assetId, string fileName, int linkCount);
}
