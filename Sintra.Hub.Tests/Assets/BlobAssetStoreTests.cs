using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sintra.Hub.Core.Assets;
using Sintra.Hub.Infrastructure.Assets;
using SkiaSharp;

namespace Sintra.Hub.Tests.Assets;

[Collection(AzuriteCollection.Name)]
public sealed class BlobAssetStoreTests(AzuriteServer azurite)
{
    [Fact]
    public async Task UploadStoresOriginalAndThumbnail()
    {
        await using var kit = await AssetTestKit.CreateAsync(AssetTestKit.BlobSettings(azurite));
        var png = TestImages.Png(800, 400, SKColors.SteelBlue);

        var result = await kit.UploadAsync(png, "Foto prodotto.jpg");

        Assert.Equal(AssetUploadStatus.Stored, result.Status);
        var asset = result.Asset!;
        Assert.Equal("image/png", asset.ContentType);
        Assert.Equal(AssetKind.Image, asset.Kind);
        Assert.Equal("Foto-prodotto.jpg", asset.FileName);
        Assert.Equal(800, asset.Width);
        Assert.Equal(400, asset.Height);
        Assert.Equal(png.Length, asset.SizeBytes);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(png)), asset.Sha256);

        var container = kit.Services.GetRequiredService<IOptions<AssetOptions>>().Value.AzureContainer;
        Assert.StartsWith($"http://127.0.0.1:", asset.PublicUrl);
        Assert.EndsWith($"/devstoreaccount1/{container}/{asset.Id}/Foto-prodotto.jpg", asset.PublicUrl);

        var store = kit.Services.GetRequiredService<IAssetStore>();
        await using (var original = await store.OpenReadAsync(asset.StorageKey, CancellationToken.None))
        {
            Assert.NotNull(original);
            using var copy = new MemoryStream();
            await original.CopyToAsync(copy);
            Assert.Equal(png, copy.ToArray());
        }

        var blobs = new BlobContainerClient(azurite.ConnectionString, container);
        var properties = await blobs.GetBlobClient(asset.StorageKey).GetPropertiesAsync();
        Assert.Equal("image/png", properties.Value.ContentType);

        Assert.NotNull(asset.ThumbnailKey);
        var thumbnail = await blobs.GetBlobClient(asset.ThumbnailKey).DownloadContentAsync();
        Assert.Equal("image/webp", thumbnail.Value.Details.ContentType);
        using var decoded = SKBitmap.Decode(thumbnail.Value.Content.ToArray());
        Assert.Equal(320, decoded.Width);
        Assert.Equal(160, decoded.Height);
    }

    [Fact]
    public async Task PublicUrlServesBlobAnonymously()
    {
        await using var kit = await AssetTestKit.CreateAsync(AssetTestKit.BlobSettings(azurite));
        var jpeg = TestImages.Jpeg(64, 64, SKColors.Orange);

        var asset = (await kit.UploadAsync(jpeg, "arancio.png")).Asset!;

        using var http = new HttpClient();
        using var response = await http.GetAsync(asset.PublicUrl);
        Assert.True(response.IsSuccessStatusCode, $"GET {asset.PublicUrl} returned {(int)response.StatusCode}");
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(jpeg, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task TextNamedPngIsRejected()
    {
        await using var kit = await AssetTestKit.CreateAsync(AssetTestKit.BlobSettings(azurite));

        var result = await kit.UploadAsync("just some text, not a picture\n"u8.ToArray(), "listino.png");

        Assert.Equal(AssetUploadStatus.Rejected, result.Status);
        Assert.Equal(AssetRejection.TypeNotAllowed, result.Rejection);
        Assert.Equal(SniffedType.OctetStream, result.ContentType);
        await using var db = kit.CreateDbContext();
        Assert.Empty(db.Assets);
        var container = kit.Services.GetRequiredService<IOptions<AssetOptions>>().Value.AzureContainer;
        var blobs = new BlobContainerClient(azurite.ConnectionString, container);
        if (await blobs.ExistsAsync())
        {
            Assert.Empty(blobs.GetBlobs());
        }
    }

    [Fact]
    public async Task DeleteRemovesBlobs()
    {
        await using var kit = await AssetTestKit.CreateAsync(AssetTestKit.BlobSettings(azurite));
        var asset = (await kit.UploadAsync(TestImages.Png(50, 50, SKColors.Green), "verde.png")).Asset!;

        var outcome = await kit.RunAsync<AssetLibrary, AssetDeleteOutcome>(library =>
            library.DeleteAsync(asset.Id, unlinkFirst: false, CancellationToken.None));

        Assert.Equal(AssetDeleteOutcome.Deleted, outcome);
        var container = kit.Services.GetRequiredService<IOptions<AssetOptions>>().Value.AzureContainer;
        Assert.Empty(new BlobContainerClient(azurite.ConnectionString, container).GetBlobs());
    }
}
