using Azure.Storage.Blobs;
using Microsoft.AspNetCore.DataProtection;
using Sintra.Hub.Core.Exchange;
using Sintra.Hub.Infrastructure.Exchange.Storage;

namespace Sintra.Hub.Infrastructure.Exchange;

/// <summary>Opens the store of an endpoint, decrypting its secrets, and encrypts secrets for storage.</summary>
public sealed class ExchangeStoreFactory(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("Sintra.Hub.ExchangeSecrets.v1");

    public string Protect(string secret) => protector.Protect(secret);

    public string? Unprotect(string? protectedSecret) =>
        string.IsNullOrEmpty(protectedSecret) ? null : protector.Unprotect(protectedSecret);

    public async Task<IExchangeStore> OpenAsync(ExchangeEndpoint endpoint, CancellationToken cancellationToken)
    {
        switch (endpoint.Kind)
        {
            case ExchangeEndpointKind.LocalFolder:
                if (string.IsNullOrWhiteSpace(endpoint.RootPath) || !Path.IsPathFullyQualified(endpoint.RootPath))
                {
                    throw new ExchangeStoreException(
                        $"The local folder '{endpoint.RootPath}' is not an absolute path. Enter a full path such as /srv/sintra/partner.");
                }

                return new LocalExchangeStore(endpoint.RootPath);
            case ExchangeEndpointKind.Sftp:
                var settings = new SftpSettings(
                    endpoint.Host ?? throw new ExchangeStoreException("The SFTP host is missing."),
                    endpoint.Port,
                    endpoint.UserName ?? throw new ExchangeStoreException("The SFTP user name is missing."),
                    Unprotect(endpoint.ProtectedPassword),
                    Unprotect(endpoint.ProtectedPrivateKey),
                    endpoint.HostKeySha256,
                    endpoint.FileNameEncoding,
                    endpoint.RootPath);
                return await SftpExchangeStore.ConnectAsync(settings, cancellationToken);
            case ExchangeEndpointKind.AzureBlob:
                var connectionString = Unprotect(endpoint.ProtectedConnectionString)
                    ?? throw new ExchangeStoreException("The Azure Storage connection string is missing.");
                if (string.IsNullOrWhiteSpace(endpoint.Container))
                {
                    throw new ExchangeStoreException("The blob container name is missing.");
                }

                return new BlobExchangeStore(new BlobContainerClient(connectionString, endpoint.Container), endpoint.RootPath);
            default:
                throw new ExchangeStoreException($"The endpoint kind {endpoint.Kind} is not supported.");
        }
    }

    /// <summary>Connects and lists the inbound folder; returns null on success, otherwise the reason it failed.</summary>
    public async Task<string?> TestAsync(ExchangeEndpoint endpoint, CancellationToken cancellationToken)
    {
        try
        {
            await using var store = await OpenAsync(endpoint, cancellationToken);
            await store.ListAsync(endpoint.InboundPath, cancellationToken);
            return null;
        }
        catch (ExchangeStoreException exception)
        {
            return exception.Message;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException
            or Renci.SshNet.Common.SshException or Azure.RequestFailedException or FormatException)
        {
            return $"Listing '{endpoint.InboundPath}' failed: {exception.Message}";
        }
    }
}
