using System.Net;
using System.Net.Sockets;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sintra.Hub.Core.Assets;
using Sintra.Hub.Core.Catalog.Import;

namespace Sintra.Hub.Infrastructure.Assets;

public static partial class AssetRegistration
{
    /// <summary>
    /// Registers the asset store chosen by <see cref="AssetOptions.Store"/>, the library services, the uploader and
    /// the catalog image downloader with its HTTP client.
    /// </summary>
    public static IServiceCollection AddAssetLibrary(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        services.AddOptions<AssetOptions>().Bind(configuration.GetSection(AssetOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IAssetStore>(sp => CreateStore(sp, dataFolder));
        services.AddSingleton<AssetThumbnailer>();
        services.AddScoped<AssetLibrary>();
        services.TryAddScoped<ProductImageLinks>();
        services.AddScoped<AssetUploader>();
        services.AddScoped<ICatalogImageImporter, CatalogImageDownloader>();
        services.AddHttpClient(CatalogImageDownloader.HttpClientName, client =>
            {
                // The downloader applies the configured time limit per download, including the body.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("SintraHub-AssetImport/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(sp => CreateDownloadHandler(sp.GetRequiredService<IOptions<AssetOptions>>().Value));
        return services;
    }

    private static IAssetStore CreateStore(IServiceProvider services, string dataFolder)
    {
        var options = services.GetRequiredService<IOptions<AssetOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AssetRegistration));
        if (options.Store == AssetStoreKind.AzureBlob)
        {
            var container = new BlobContainerClient(options.AzureConnectionString, options.AzureContainer);
            LogBlobStore(logger, container.AccountName, container.Name);
            return new BlobAssetStore(container, options.CdnBaseUrl);
        }

        var folder = Path.GetFullPath(options.LocalFolder, dataFolder);
        Directory.CreateDirectory(folder);
        LogLocalStore(logger, folder);
        return new LocalFolderAssetStore(folder, options.PublicBaseUrl);
    }

    private static SocketsHttpHandler CreateDownloadHandler(AssetOptions options) => new()
    {
        AllowAutoRedirect = true,
        MaxAutomaticRedirections = 5,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectTimeout = TimeSpan.FromSeconds(Math.Min(options.DownloadTimeoutSeconds, 15)),

        // Checks the address actually connected to, so a host name or a redirect cannot lead to a private address.
        ConnectCallback = async (context, cancellationToken) =>
        {
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                foreach (var address in addresses)
                {
                    CatalogImageDownloader.CheckAddress(address, options.AllowPrivateNetworkDownloads);
                }

                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    [LoggerMessage(2331, LogLevel.Information, "Assets stored in Azure Blob Storage, account {Account}, container {Container}")]
    private static partial void LogBlobStore(ILogger logger, string account, string container);

    [LoggerMessage(2332, LogLevel.Information, "Assets stored in the local folder {Folder}")]
    private static partial void LogLocalStore(ILogger logger, string folder);
}
