using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Catalog.Import;
using SkiaSharp;

namespace Sintra.Hub.Tests.Assets;

public sealed class CatalogImageImportTests : IAsyncLifetime
{
    private static readonly byte[] Png = TestImages.Png(400, 300, SKColors.Crimson);
    private static readonly byte[] Jpeg = TestImages.Jpeg(300, 400, SKColors.Navy);

    private WebApplication? imageServer;
    private string baseUrl = string.Empty;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        imageServer = builder.Build();
        imageServer.MapGet("/img/rossa.png", () => Results.Bytes(Png, "image/png"));

        // A wrong type header on purpose: the importer must go by the bytes.
        imageServer.MapGet("/img/blu.jpg", () => Results.Bytes(Jpeg, "text/plain"));
        imageServer.MapGet("/img/pagina.png", () => Results.Text("<html>not an image</html>", "image/png"));
        await imageServer.StartAsync();
        baseUrl = imageServer.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async Task DisposeAsync()
    {
        if (imageServer is not null)
        {
            await imageServer.DisposeAsync();
        }
    }

    [Fact]
    public async Task ImagesBecomeAssetsInFileOrder()
    {
        await using var kit = await AssetTestKit.CreateAsync(new Dictionary<string, string?>
        {
            ["Assets:AllowPrivateNetworkDownloads"] = "true",
        });
        var csv = new StringBuilder("Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price,Image Src,Image Position\n")
            .Append($"maglia,Maglia,Taglia,S,MAG-S,20.00,{baseUrl}/img/rossa.png,1\n")
            .Append($"maglia,,,,,,{baseUrl}/img/mancante.png,2\n")
            .Append($"maglia,,,,,,{baseUrl}/img/blu.jpg,3\n")
            .Append($"maglia,,,,,,{baseUrl}/img/pagina.png,4\n")
            .Append($"borsa,Borsa,Title,Default Title,BOR-1,35.00,{baseUrl}/img/rossa.png,1\n");

        var result = await kit.RunAsync<ProductCsvImporter, ImportResult>(importer => importer.ApplyAsync(
            new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())),
            new ImportRequest(null, "test") { DownloadImages = true },
            CancellationToken.None));

        Assert.True(result.Applied, string.Join("; ", result.Preview.Errors.Select(e => e.Message)));
        Assert.NotNull(result.Images);
        Assert.Equal(3, result.Images.Linked);
        Assert.Equal(2, result.Images.Failures.Count);
        var missing = result.Images.Failures[0];
        Assert.Equal(3, missing.Line);
        Assert.Equal("Image Src", missing.Column);
        Assert.Equal($"{baseUrl}/img/mancante.png", missing.Value);
        Assert.Contains("HTTP 404", missing.Message);
        var page = result.Images.Failures[1];
        Assert.Equal(5, page.Line);
        Assert.Contains("application/octet-stream", page.Message);

        await using var db = kit.CreateDbContext();
        var maglia = await db.Products.Include(p => p.Images).SingleAsync(p => p.Handle == "maglia");
        var images = maglia.Images.OrderBy(i => i.Position).ToList();
        Assert.Equal([1, 2, 3, 4], images.Select(i => i.Position));
        var assets = await db.Assets.ToDictionaryAsync(a => a.Id);
        Assert.Equal(2, assets.Count);

        var red = assets[images[0].AssetId!.Value];
        Assert.Equal("image/png", red.ContentType);
        Assert.Equal("rossa.png", red.FileName);
        Assert.Equal(red.PublicUrl, images[0].Src);
        Assert.Equal($"import:{result.Preview.ImportId}", red.CreatedBy);

        Assert.Null(images[1].AssetId);
        Assert.Equal($"{baseUrl}/img/mancante.png", images[1].Src);

        var blue = assets[images[2].AssetId!.Value];
        Assert.Equal("image/jpeg", blue.ContentType);
        Assert.Equal(300, blue.Width);
        Assert.Equal(blue.PublicUrl, images[2].Src);

        Assert.Null(images[3].AssetId);

        var borsa = await db.Products.Include(p => p.Images).SingleAsync(p => p.Handle == "borsa");
        Assert.Equal(red.Id, Assert.Single(borsa.Images).AssetId);
    }

    [Fact]
    public async Task PrivateAddressIsRejectedByDefault()
    {
        await using var kit = await AssetTestKit.CreateAsync();
        var csv = "Handle,Title,Variant SKU,Variant Price,Image Src,Image Position\n"
            + $"tazza,Tazza,TZ-1,12.50,{baseUrl}/img/rossa.png,1\n";

        var result = await kit.RunAsync<ProductCsvImporter, ImportResult>(importer => importer.ApplyAsync(
            new MemoryStream(Encoding.UTF8.GetBytes(csv)),
            new ImportRequest(null, "test") { DownloadImages = true },
            CancellationToken.None));

        Assert.True(result.Applied);
        var failure = Assert.Single(result.Images!.Failures);
        Assert.Contains("private network", failure.Message);
        await using var db = kit.CreateDbContext();
        Assert.Empty(db.Assets);
        Assert.Equal($"{baseUrl}/img/rossa.png", (await db.ProductImages.SingleAsync()).Src);
    }

    [Fact]
    public async Task ImportWithoutDownloadKeepsUrls()
    {
        await using var kit = await AssetTestKit.CreateAsync(new Dictionary<string, string?>
        {
            ["Assets:AllowPrivateNetworkDownloads"] = "true",
        });
        var csv = "Handle,Title,Variant SKU,Variant Price,Image Src,Image Position\n"
            + $"tazza,Tazza,TZ-1,12.50,{baseUrl}/img/rossa.png,1\n";

        var result = await kit.RunAsync<ProductCsvImporter, ImportResult>(importer => importer.ApplyAsync(
            new MemoryStream(Encoding.UTF8.GetBytes(csv)), new ImportRequest(null, "test"), CancellationToken.None));

        Assert.True(result.Applied);
        Assert.Null(result.Images);
        await using var db = kit.CreateDbContext();
        Assert.Empty(db.Assets);
    }
}
