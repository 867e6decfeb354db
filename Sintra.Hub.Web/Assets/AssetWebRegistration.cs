using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Assets;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Assets;

namespace Sintra.Hub.Web.Assets;

public static class AssetWebRegistration
{
    /// <summary>Registers the asset library with its store under <paramref name="dataFolder"/> by default.</summary>
    public static void AddAssetPages(this WebApplicationBuilder builder, string dataFolder)
    {
        builder.Services.AddAssetLibrary(builder.Configuration, dataFolder);
    }

    /// <summary>
    /// Serves asset files at <c>/assets/{id}/{name}</c> and thumbnails at <c>/assets/{id}/thumbnails/{name}</c>
    /// without sign-in, because sales channels download product images by URL.
    /// </summary>
    public static void MapAssetFiles(this WebApplication app)
    {
        app.MapGet(LocalFolderAssetStore.UrlPrefix + "{**key}", ServeAsync).AllowAnonymous();
    }

    private static async Task<Results<FileStreamHttpResult, NotFound>> ServeAsync(
        string key,
        HubDbContext db,
        IAssetStore store,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        if (!AssetNames.IsValidKey(key))
        {
            return TypedResults.NotFound();
        }

        var assetId = Guid.ParseExact(key[..36], "D");
        var asset = await db.Assets.AsNoTracking()
            .Where(a => a.Id == assetId)
            .Select(a => new { a.StorageKey, a.ThumbnailKey, a.ContentType })
            .FirstOrDefaultAsync(cancellationToken);

        // The type comes from the row, never from the name's extension, which the uploader chose.
        var contentType = asset is null ? null
            : key == asset.StorageKey ? asset.ContentType
            : key == asset.ThumbnailKey ? "image/webp"
            : null;
        var content = contentType is null ? null : await store.OpenReadAsync(key, cancellationToken);
        if (content is null)
        {
            return TypedResults.NotFound();
        }

        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "public, max-age=31536000, immutable";
        if (contentType == "image/svg+xml")
        {
            // An SVG opened as a page could run scripts on the hub's origin; the sandbox stops them.
            headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
        }

        return TypedResults.Stream(content, contentType, enableRangeProcessing: true);
    }
}
