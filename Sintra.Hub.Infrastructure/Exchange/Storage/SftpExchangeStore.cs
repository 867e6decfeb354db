using System.Text;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Sintra.Hub.Infrastructure.Exchange.Storage;

/// <summary>
/// A folder on a partner's SFTP server, through SSH.NET. The server's host key must match the pinned SHA-256
/// fingerprint, otherwise the connection is closed before authentication.
/// </summary>
public sealed class SftpExchangeStore : IExchangeStore
{
    private readonly SftpClient client;
    private readonly string root;

    private SftpExchangeStore(SftpClient client, string root)
    {
        this.client = client;
        this.root = root;
    }

    /// <summary>Connects and returns the store; throws <see cref="ExchangeStoreException"/> with the reason on failure.</summary>
    public static async Task<SftpExchangeStore> ConnectAsync(SftpSettings settings, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.HostKeySha256))
        {
            throw new ExchangeStoreException(
                $"No host key fingerprint is set for {settings.Host}:{settings.Port}. "
                + "Enter the server's SHA256 fingerprint, as printed by ssh-keyscan piped to ssh-keygen -lf -.");
        }

        var expected = NormalizeFingerprint(settings.HostKeySha256);
        var methods = new List<AuthenticationMethod>();
        if (!string.IsNullOrEmpty(settings.PrivateKey))
        {
            using var keyStream = new MemoryStream(Encoding.UTF8.GetBytes(settings.PrivateKey));
            methods.Add(new PrivateKeyAuthenticationMethod(settings.UserName, new PrivateKeyFile(keyStream)));
        }

        if (!string.IsNullOrEmpty(settings.Password))
        {
            methods.Add(new PasswordAuthenticationMethod(settings.UserName, settings.Password));
        }

        if (methods.Count == 0)
        {
            throw new ExchangeStoreException($"No password or private key is set for user '{settings.UserName}'.");
        }

        var connection = new ConnectionInfo(settings.Host, settings.Port, settings.UserName, methods.ToArray())
        {
            // File names from the server are decoded with this encoding; it has to be set before connecting.
            Encoding = ResolveEncoding(settings.FileNameEncoding),
            Timeout = TimeSpan.FromSeconds(30),
        };

        var client = new SftpClient(connection);
        string? presented = null;
        client.HostKeyReceived += (_, e) =>
        {
            presented = e.FingerPrintSHA256;
            e.CanTrust = string.Equals(e.FingerPrintSHA256, expected, StringComparison.Ordinal);
        };

        try
        {
            await client.ConnectAsync(cancellationToken);
        }
        catch (SshConnectionException exception) when (presented is not null && presented != expected)
        {
            client.Dispose();
            throw new ExchangeStoreException(
                $"The host key of {settings.Host}:{settings.Port} does not match the pinned fingerprint: the server "
                + $"presented SHA256:{presented}, the endpoint expects SHA256:{expected}. Connection refused. "
                + "Check with the partner whether the server key changed, then update the fingerprint.",
                exception);
        }
        catch (Exception exception) when (exception is SshException or System.Net.Sockets.SocketException or TimeoutException)
        {
            client.Dispose();
            throw new ExchangeStoreException(
                $"Connecting to {settings.Host}:{settings.Port} as '{settings.UserName}' failed: {exception.Message}",
                exception);
        }

        return new SftpExchangeStore(client, settings.RootPath);
    }

    /// <summary>Strips an optional <c>SHA256:</c> prefix and base64 padding, as OpenSSH prints fingerprints.</summary>
    public static string NormalizeFingerprint(string fingerprint)
    {
        var value = fingerprint.Trim();
        if (value.StartsWith("SHA256:", StringComparison.OrdinalIgnoreCase))
        {
            value = value[7..];
        }

        return value.TrimEnd('=');
    }

    public static Encoding ResolveEncoding(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        try
        {
            return Encoding.GetEncoding(string.IsNullOrWhiteSpace(name) ? "utf-8" : name);
        }
        catch (ArgumentException exception)
        {
            throw new ExchangeStoreException(
                $"The file name encoding '{name}' is not known. Use utf-8 or windows-1252.", exception);
        }
    }

    public async Task<IReadOnlyList<ExchangeStoreEntry>> ListAsync(string folder, CancellationToken cancellationToken)
    {
        var path = Full(folder);
        if (!await client.ExistsAsync(path, cancellationToken))
        {
            return [];
        }

        var entries = new List<ExchangeStoreEntry>();
        await foreach (var file in client.ListDirectoryAsync(path, cancellationToken))
        {
            if (file.IsRegularFile)
            {
                entries.Add(new ExchangeStoreEntry(file.Name, file.Length, file.LastWriteTimeUtc));
            }
        }

        return entries;
    }

    public async Task<byte[]> ReadAllAsync(string path, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await client.DownloadFileAsync(Full(path), buffer, cancellationToken);
        return buffer.ToArray();
    }

    public async Task WriteAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        await using var stream = await client.OpenAsync(Full(path), FileMode.CreateNew, FileAccess.Write, cancellationToken);
        await stream.WriteAsync(content, cancellationToken);
    }

    public async Task MoveAsync(string from, string to, CancellationToken cancellationToken)
    {
        // SFTP version 3 rename fails when the target exists, so a same-named file is never overwritten.
        await client.RenameFileAsync(Full(from), Full(to), cancellationToken);
    }

    public Task<bool> ExistsAsync(string path, CancellationToken cancellationToken) =>
        client.ExistsAsync(Full(path), cancellationToken);

    public Task DeleteAsync(string path, CancellationToken cancellationToken) =>
        client.DeleteFileAsync(Full(path), cancellationToken);

    public async Task EnsureFolderAsync(string folder, CancellationToken cancellationToken)
    {
        var current = root.StartsWith('/') ? "/" : string.Empty;
        foreach (var part in Full(folder).Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current = current.Length == 0 || current == "/" ? current + part : current + "/" + part;
            if (!await client.ExistsAsync(current, cancellationToken))
            {
                await client.CreateDirectoryAsync(current, cancellationToken);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        if (client.IsConnected)
        {
            client.Disconnect();
        }

        client.Dispose();
        return ValueTask.CompletedTask;
    }

    private string Full(string relative)
    {
        if (relative.Split('/').Any(p => p is ".." or "."))
        {
            throw new ExchangeStoreException($"The path '{relative}' contains a '.' or '..' part.");
        }

        var combined = ExchangePaths.Combine(root, relative);
        return root.StartsWith('/') ? "/" + combined : combined;
    }
}

/// <summary>Connection settings of an SFTP endpoint with its secrets decrypted; never log it.</summary>
public sealed record SftpSettings(
    string Host,
    int Port,
    string UserName,
    string? Password,
    string? PrivateKey,
    string? HostKeySha256,
    string FileNameEncoding,
    string RootPath)
{
    public override string ToString() => $"sftp://{UserName}@{Host}:{Port}/{RootPath}";
}
