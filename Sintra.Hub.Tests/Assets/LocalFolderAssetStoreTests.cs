using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Assets;
using Sintra.Hub.Infrastructure.Assets;
using Sintra.Hub.Tests.Support;
using SkiaSharp;

namespace Sintra.Hub.Tests.Assets;

public sealed class LocalFolderAssetStoreTests
{
    [Fact]
    public async Task UploadWritesFilesUnderDataFolder()
    {
        await using var kit = await AssetTestKit.CreateAsync(new Dictionary<string, string?>
        {
            ["Assets:PublicBaseUrl"] = "https://hub.example.it/",
        });
        var png = TestImages.Png(200, 500, SKColors.Red);

        var asset = (await kit.UploadAsync(png, "../../etc/rosso.jpg")).Asset!;

        Assert.Equal("image/png", asset.ContentType);
        Assert.Equal("rosso.jpg", asset.FileName);
        Assert.Equal($"https://hub.example.it/assets/{asset.Id}/rosso.jpg", asset.PublicUrl);
        Assert.Equal($"https://hub.example.it/assets/{asset.Id}/thumbnails/thumb.webp", asset.ThumbnailUrl);
        var original = Path.Combine(kit.DataFolder, "assets", asset.Id.ToString(), "rosso.jpg");
        Assert.Equal(png, await File.ReadAllBytesAsync(original));
        using var thumbnail = SKBitmap.Decode(Path.Combine(kit.DataFolder, "assets", asset.Id.ToString(), "thumbnails", "thumb.webp"));
        Assert.Equal(128, thumbnail.Width);
        Assert.Equal(320, thumbnail.Height);
    }

    [Fact]
    public async Task SmallImageIsNotEnlarged()
    {
        await using var kit = await AssetTestKit.CreateAsync();

        var asset = (await kit.UploadAsync(TestImages.Png(40, 30, SKColors.Blue), "piccola.png")).Asset!;

        using var thumbnail = SKBitmap.Decode(Path.Combine(kit.DataFolder, "assets", asset.ThumbnailKey!));
        Assert.Equal(40, thumbnail.Width);
        Assert.Equal(30, thumbnail.Height);
    }

    [Fact]
    public async Task TooLargeUploadIsRejected()
    {
        await using var kit = await AssetTestKit.CreateAsync(new Dictionary<string, string?> { ["Assets:MaxFileBytes"] = "1000" });

        var result = await kit.UploadAsync(new byte[1001], "grande.png");

        Assert.Equal(AssetRejection.TooLarge, result.Rejection);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(kit.DataFolder, "assets")));
    }

    [Fact]
    public async Task ConfiguredTypesReplaceDefaults()
    {
        await using var kit = await AssetTestKit.CreateAsync(new Dictionary<string, string?>
        {
            ["Assets:AllowedContentTypes:0"] = "image/png",
        });

        var jpeg = await kit.UploadAsync(TestImages.Jpeg(20, 20, SKColors.Gray), "grigia.jpg");
        var png = await kit.UploadAsync(TestImages.Png(20, 20, SKColors.Gray), "grigia.png");

        Assert.Equal(AssetRejection.TypeNotAllowed, jpeg.Rejection);
        Assert.Equal("image/jpeg", jpeg.ContentType);
        Assert.Equal(AssetUploadStatus.Stored, png.Status);
    }

    [Fact]
    public async Task DamagedPngIsRejected()
    {
        await using var kit = await AssetTestKit.CreateAsync();
        var png = TestImages.Png(100, 100, SKColors.Black);

        var result = await kit.UploadAsync(png[..40], "rotta.png");

        Assert.Equal(AssetUploadStatus.Rejected, result.Status);
        Assert.Equal(AssetRejection.InvalidImage, result.Rejection);
    }

    [Fact]
    public async Task PdfIsStoredWithoutThumbnail()
    {
        await using var kit = await AssetTestKit.CreateAsync();

        var asset = (await kit.UploadAsync("%PDF-1.7\n%fake body\n"u8.ToArray(), "scheda.jpg")).Asset!;

        Assert.Equal("application/pdf", asset.ContentType);
        Assert.Equal(AssetKind.Document, asset.Kind);
        Assert.Null(asset.ThumbnailKey);
        Assert.Null(asset.Width);
    }

    [Fact]
    public async Task KeysOutsideFolderAreRejected()
    {
        var store = new LocalFolderAssetStore(TempFolder.Create("keys"), null);

        foreach (var key in new[] { "../x", $"{Guid.NewGuid()}/../../x", $"{Guid.NewGuid()}/a/b", "not-a-guid/x.png", $"{Guid.NewGuid()}/.." })
        {
            Assert.False(AssetNames.IsValidKey(key), key);
            await Assert.ThrowsAsync<ArgumentException>(() => store.OpenReadAsync(key, CancellationToken.None));
        }
    }

    [Fact]
    public async Task SvgIsServedSandboxed()
    {
        using var app = new HubAppFactory();
        var svg = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray();
        Asset asset;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            using var content = new MemoryStream(svg);
            var result = await scope.ServiceProvider.GetRequiredService<AssetUploader>().UploadAsync(
                content, new AssetUploadRequest("logo.png", null, "tester"), null, CancellationToken.None);
            asset = result.Asset!;
        }

        Assert.Equal("image/svg+xml", asset.ContentType);
        Assert.Equal(AssetKind.Vector, asset.Kind);
        Assert.Equal(asset.PublicUrl, asset.ThumbnailUrl);
        using var response = await app.CreateClient().GetAsync(asset.PublicUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task AppServesFileWithStoredType()
    {
        using var app = new HubAppFactory();
        var png = TestImages.Png(120, 80, SKColors.Purple);
        Asset asset;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            using var content = new MemoryStream(png);
            var result = await scope.ServiceProvider.GetRequiredService<AssetUploader>().UploadAsync(
                content, new AssetUploadRequest("viola.jpg", null, "tester"), null, CancellationToken.None);
            asset = result.Asset!;
        }

        var client = app.CreateClient();
        Assert.Equal($"/assets/{asset.Id}/viola.jpg", asset.PublicUrl);
        using var response = await client.GetAsync(asset.PublicUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(png, await response.Content.ReadAsByteArrayAsync());

        using var thumbnail = await client.GetAsync(asset.ThumbnailUrl);
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        Assert.Equal("image/webp", thumbnail.Content.Headers.ContentType?.MediaType);

        using var traversal = await client.GetAsync($"/assets/{asset.Id}/..%2f..%2fhub.db");
        Assert.Equal(HttpStatusCode.NotFound, traversal.StatusCode);
        using var otherName = await client.GetAsync($"/assets/{asset.Id}/altro.png");
        Assert.Equal(HttpStatusCode.NotFound, otherName.StatusCode);
    }
}
