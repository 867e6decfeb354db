using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Assets;

/// <summary>A product image as the product page lists it, with the linked asset's thumbnail when there is one.</summary>
public sealed record LinkedImage(
    Guid Id,
    string Src,
    string? ThumbnailUrl,
    string? AltText,
    int Position,
    Guid? AssetId,
    string? AssetFileName,
    Guid? VariantId);

/// <summary>
/// Links library assets to a product and its variants, in order. Positions are renumbered 1, 2, 3… after every
/// change, and the product's <c>UpdatedAt</c> is set to now, so that a catalog push picks up the new image list.
/// Each call uses its own context, so pages can call it while other work of the same circuit runs.
/// </summary>
public sealed class ProductImageLinks(IDbContextFactory<HubDbContext> contextFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<LinkedImage>> ListAsync(Guid productId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await (
                from image in db.ProductImages.AsNoTracking()
                where image.ProductId == productId
                join asset in db.Assets on image.AssetId equals asset.Id into assets
                from asset in assets.DefaultIfEmpty()
                orderby image.Position
                select new LinkedImage(
                    image.Id,
                    image.Src,
                    asset == null ? null : asset.ThumbnailUrl,
                    image.AltText,
                    image.Position,
                    image.AssetId,
                    asset == null ? null : asset.FileName,
                    image.VariantId))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Appends the asset to the product's images, for the whole product or for one of its variants.</summary>
    /// <returns>The new image's id, or null when the product, the asset or the variant was not found.</returns>
    public async Task<Guid?> LinkAsync(Guid productId, Guid assetId, Guid? variantId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var product = await db.Products.Include(p => p.Images).FirstOrDefaultAsync(p => p.Id == productId, cancellationToken);
        var asset = await db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assetId, cancellationToken);
        if (product is null || asset is null)
        {
            return null;
        }

        if (variantId is not null && !await db.Variants.AnyAsync(v => v.Id == variantId && v.ProductId == productId, cancellationToken))
        {
            return null;
        }

        var image = new ProductImage
        {
            ProductId = productId,
            Src = asset.PublicUrl,
            AltText = asset.AltTextIt ?? asset.AltTextEn ?? asset.TitleIt ?? asset.TitleEn,
            AssetId = asset.Id,
            VariantId = variantId,
            Position = product.Images.Count == 0 ? 1 : product.Images.Max(i => i.Position) + 1,
        };
        db.ProductImages.Add(image);
        Touch(product);
        await db.SaveChangesAsync(cancellationToken);
        return image.Id;
    }

    /// <summary>Removes one image from its product; the asset itself stays in the library.</summary>
    public async Task<bool> UnlinkAsync(Guid imageId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var product = await LoadProductOfImageAsync(db, imageId, cancellationToken);
        if (product is null)
        {
            return false;
        }

        var image = product.Images.Single(i => i.Id == imageId);
        product.Images.Remove(image);
        db.ProductImages.Remove(image);
        Renumber(product.Images.OrderBy(i => i.Position).ToList());
        Touch(product);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Moves an image by <paramref name="offset"/> places (negative is earlier), stopping at either end.</summary>
    public async Task<bool> MoveAsync(Guid imageId, int offset, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var product = await LoadProductOfImageAsync(db, imageId, cancellationToken);
        if (product is null)
        {
            return false;
        }

        var ordered = product.Images.OrderBy(i => i.Position).ToList();
        var image = ordered.Single(i => i.Id == imageId);
        var target = Math.Clamp(ordered.IndexOf(image) + offset, 0, ordered.Count - 1);
        ordered.Remove(image);
        ordered.Insert(target, image);
        Renumber(ordered);
        Touch(product);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Puts the product's images in the given order. Returns false and changes nothing unless the list names every
    /// image of the product exactly once.
    /// </summary>
    public async Task<bool> ReorderAsync(Guid productId, IReadOnlyList<Guid> imageIds, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var product = await db.Products.Include(p => p.Images).FirstOrDefaultAsync(p => p.Id == productId, cancellationToken);
        if (product is null
            || imageIds.Count != product.Images.Count
            || !imageIds.ToHashSet().SetEquals(product.Images.Select(i => i.Id)))
        {
            return false;
        }

        Renumber(imageIds.Select(id => product.Images.Single(i => i.Id == id)).ToList());
        Touch(product);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Shows the image for one variant of its product, or for the whole product when null.</summary>
    public async Task<bool> SetVariantAsync(Guid imageId, Guid? variantId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var product = await LoadProductOfImageAsync(db, imageId, cancellationToken);
        if (product is null
            || (variantId is not null && !await db.Variants.AnyAsync(v => v.Id == variantId && v.ProductId == product.Id, cancellationToken)))
        {
            return false;
        }

        product.Images.Single(i => i.Id == imageId).VariantId = variantId;
        Touch(product);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static async Task<Product?> LoadProductOfImageAsync(HubDbContext db, Guid imageId, CancellationToken cancellationToken)
    {
        var productId = await db.ProductImages.Where(i => i.Id == imageId).Select(i => (Guid?)i.ProductId)
            .FirstOrDefaultAsync(cancellationToken);
        return productId is null
            ? null
            : await db.Products.Include(p => p.Images).FirstAsync(p => p.Id == productId, cancellationToken);
    }

    private static void Renumber(IReadOnlyList<ProductImage> ordered)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Position = i + 1;
        }
    }

    private void Touch(Product product) => product.UpdatedAt = clock.GetUtcNow().UtcDateTime;
}
