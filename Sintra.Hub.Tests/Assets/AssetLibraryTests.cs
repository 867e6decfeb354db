using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Assets;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Assets;
using SkiaSharp;

namespace Sintra.Hub.Tests.Assets;

public sealed class AssetLibraryTests
{
    [Fact]
    public async Task SameContentIsReportedAsDuplicate()
    {
        await using var kit = await AssetTestKit.CreateAsync();
        var png = TestImages.Png(90, 90, SKColors.Teal);
        var first = await kit.UploadAsync(png, "originale.png");

        var second = await kit.UploadAsync(png, "copia con altro nome.jpg");

        Assert.Equal(AssetUploadStatus.Duplicate, second.Status);
        Assert.Equal(first.Asset!.Id, second.Asset!.Id);
        await using var db = kit.CreateDbContext();
        Assert.Equal(1, await db.Assets.CountAsync());
    }

    [Fact]
    public async Task DuplicateIsStoredWhenAllowed()
    {
        await using var kit = await AssetTestKit.CreateAsync();
        var png = TestImages.Png(90, 90, SKColors.Teal);
        var first = await kit.UploadAsync(png, "originale.png");

        var copy = await kit.UploadAsync(png, "copia.png", allowDuplicate: true);

        Assert.Equal(AssetUploadStatus.Stored, copy.Status);
        Assert.NotEqual(first.Asset!.Id, copy.Asset!.Id);
        Assert.Equal(first.Asset.Sha256, copy.Asset.Sha256);
    }

    [Fact]
    public async Task LinksKeepChosenOrder()
    {
        await using var kit = await AssetTestKit.CreateAsync();
        var (productId, variants) = await kit.AddProductAsync("maglia", "MAG-S", "MAG-M");
        var red = (await kit.UploadAsync(TestImages.Png(10, 10, SKColors.Red), "rossa.png")).Asset!;
        var green = (await kit.UploadAsync(TestImages.Png(10, 10, SKColors.Green), "verde.png")).Asset!;
        var blue = (await kit.UploadAsync(TestImages.Png(10, 10, SKColors.Blue), "blu.png")).Asset!;

        var redImage = await Link(kit, productId, red.Id, null);
        var greenImage = await Link(kit, productId, green.Id, variants[1]);
        var blueImage = await Link(kit, productId, blue.Id, variants[0]);
        Assert.Equal(["rossa.png", "verde.png", "blu.png"], await Order(kit, productId));

        await kit.RunAsync<ProductImageLinks, bool>(links => links.MoveAsync(blueImage, -1, CancellationToken.None));
        Assert.Equal(["rossa.png", "blu.png", "verde.png"], await Order(kit, productId));

        await kit.RunAsync<ProductImageLinks, bool>(links => links.MoveAsync(redImage, 5, CancellationToken.None));
        Assert.Equal(["blu.png", "verde.png", "rossa.png"], await Order(kit, productId));

        var reordered = await kit.RunAsync<ProductImageLinks, bool>(links =>
            links.ReorderAsync(productId, [greenImage, redImage, blueImage], CancellationToken.None));
        Assert.True(reordered);
        Assert.Equal(["verde.png", "rossa.png", "blu.png"], await Order(kit, productId));

        await kit.RunAsync<ProductImageLinks, bool>(links => links.UnlinkAsync(redImage, CancellationToken.None));
        var images = await kit.RunAsync<ProductImageLinks, IReadOnlyList<LinkedImage>>(links => links.ListAsync(productId, CancellationToken.None));
        Assert.Equal([1, 2], images.Select(i => i.Position));
        Assert.Equal(green.PublicUrl, images[0].Src);
        Assert.Equal(variants[1], images[0].VariantId);
        Assert.Equal(variants[0], images[1].VariantId);
        Assert.Equal(blue.ThumbnailUrl, images[1].ThumbnailUrl);
    }

    [Fact]
    public async Task ReorderRejectsIncompleteList()
    {
        await using var kit = await AssetTestKit.CreateAsync();
        var (productId, _) = await kit.AddProductAsync("borsa", "BOR-1");
        var first = await Link(kit, productId, (await kit.UploadAsync(TestImages.Png(10, 10, SKColors.Red), "a.png")).Asset!.Id, null);
        await Link(kit, productId, (await kit.UploadAsync(TestImages.Png(10, 10, SKColors.Green), "b.png")).Asset!.Id, null);

        var reordered = await kit.RunAsync<ProductImageLinks, bool>(links => links.ReorderAsync(productId, [first], CancellationToken.None));

        Assert.False(reordered);
        Assert.Equal(["a.png", "b.png"], await Order(kit, productId));
    }

    [Fact]
    public async Task VariantOfOtherProductIsRejected()
    {
        await using var kit = await AssetTestKit.CreateAsync();
        var (productId, _) = await kit.AddProductAsync("gonna", "GON-1");
        var (_, otherVariants) = await kit.AddProductAsync("cappello", "CAP-1");
        var asset = (await kit.UploadAsync(TestImages.Png(10, 10, SKColors.Red), "a.png")).Asset!;

        var imageId = await kit.RunAsync<ProductImageLinks, Guid?>(links =>
            links.LinkAsync(productId, asset.Id, otherVariants[0], CancellationToken.None));

        Assert.Null(imageId);
    }

    [Fact]
    public async Task LinkedAssetDeleteIsRejected()
    {
        await using var kit = await AssetTestKit.CreateAsync();
        var (productId, _) = await kit.AddProductAsync("scarpa", "SCA-40");
        var kept = (await kit.UploadAsync(TestImages.Png(10, 10, SKColors.Red), "a.png")).Asset!;
        var linked = (await kit.UploadAsync(TestImages.Png(10, 10, SKColors.Green), "b.png")).Asset!;
        await Link(kit, productId, linked.Id, null);
        await Link(kit, productId, kept.Id, null);

        var refused = await kit.RunAsync<AssetLibrary, AssetDeleteOutcome>(library => library.DeleteAsync(linked.Id, false, CancellationToken.None));
        Assert.Equal(AssetDeleteOutcome.Linked, refused);
        Assert.True(File.Exists(Path.Combine(kit.DataFolder, "assets", linked.StorageKey)));

        var deleted = await kit.RunAsync<AssetLibrary, AssetDeleteOutcome>(library => library.DeleteAsync(linked.Id, true, CancellationToken.None));
        Assert.Equal(AssetDeleteOutcome.Deleted, deleted);
        Assert.False(File.Exists(Path.Combine(kit.DataFolder, "assets", linked.StorageKey)));
        var images = await kit.RunAsync<ProductImageLinks, IReadOnlyList<LinkedImage>>(links => links.ListAsync(productId, CancellationToken.None));
        var remaining = Assert.Single(images);
        Assert.Equal(kept.Id, remaining.AssetId);
        Assert.Equal(1, remaining.Position);
    }

    [Fact]
    public async Task SearchMatchesNameTitleAndTag()
    {
        await using var kit = await AssetTestKit.CreateAsync();
        var folder = await kit.RunAsync<AssetLibrary, SaveResult>(library => library.CreateFolderAsync(null, "Estate 2026", CancellationToken.None));
        var beach = (await kit.UploadAsync(TestImages.Png(10, 10, SKColors.Yellow), "spiaggia.png", folderId: folder.Id)).Asset!;
        var pdf = (await kit.UploadAsync("%PDF-1.4\n"u8.ToArray(), "catalogo.pdf")).Asset!;
        var saved = await kit.RunAsync<AssetLibrary, SaveResult>(library => library.UpdateMetadataAsync(
            pdf.Id, new AssetMetadata(pdf.Version, " estate,  Listino ,estate", "Listino prezzi", "Price list", null, null), CancellationToken.None));
        Assert.Equal(SaveOutcome.Saved, saved.Outcome);

        async Task<string[]> Find(AssetQuery query) =>
            (await kit.RunAsync<AssetLibrary, AssetPage>(library => library.SearchAsync(query, CancellationToken.None)))
            .Items.Select(a => a.FileName).Order().ToArray();

        Assert.Equal(["catalogo.pdf"], await Find(new AssetQuery(null, "PRICE", null, 0, 10)));
        Assert.Equal(["catalogo.pdf"], await Find(new AssetQuery(null, "listino", null, 0, 10)));
        Assert.Equal(["spiaggia.png"], await Find(new AssetQuery(null, "spiag", null, 0, 10)));
        Assert.Equal(["spiaggia.png"], await Find(new AssetQuery(folder.Id, null, null, 0, 10)));
        Assert.Equal(["catalogo.pdf"], await Find(new AssetQuery(null, null, AssetKind.Document, 0, 10)));
        Assert.Equal(["catalogo.pdf", "spiaggia.png"], await Find(new AssetQuery(null, null, null, 0, 10)));
        Assert.Single(await Find(new AssetQuery(null, null, null, 1, 1)));

        var stored = await kit.RunAsync<AssetLibrary, Asset?>(library => library.FindAsync(pdf.Id, CancellationToken.None));
        Assert.Equal("estate, Listino", stored!.Tags);
        Assert.NotEqual(beach.Id, stored.Id);
    }

    [Fact]
    public async Task StaleMetadataEditIsConflict()
    {
        await using var kit = await AssetTestKit.CreateAsync();
        var asset = (await kit.UploadAsync(TestImages.Png(10, 10, SKColors.Red), "a.png")).Asset!;
        var metadata = new AssetMetadata(asset.Version, null, "Primo", null, null, null);
        await kit.RunAsync<AssetLibrary, SaveResult>(library => library.UpdateMetadataAsync(asset.Id, metadata, CancellationToken.None));

        var stale = await kit.RunAsync<AssetLibrary, SaveResult>(library =>
            library.UpdateMetadataAsync(asset.Id, metadata with { TitleIt = "Secondo" }, CancellationToken.None));

        Assert.Equal(SaveOutcome.Conflict, stale.Outcome);
    }

    private static async Task<Guid> Link(AssetTestKit kit, Guid productId, Guid assetId, Guid? variantId) =>
        (await kit.RunAsync<ProductImageLinks, Guid?>(links => links.LinkAsync(productId, assetId, variantId, CancellationToken.None)))
        ?? throw new InvalidOperationException("Link failed.");

    private static async Task<string[]> Order(AssetTestKit kit, Guid productId) =>
        (await kit.RunAsync<ProductImageLinks, IReadOnlyList<LinkedImage>>(links => links.ListAsync(productId, CancellationToken.None)))
        .Select(i => i.AssetFileName ?? i.Src).ToArray();
}
