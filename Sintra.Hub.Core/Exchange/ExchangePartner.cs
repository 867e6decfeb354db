using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Exchange;

/// <summary>A warehouse, logistics company or ERP that swaps files with the hub.</summary>
public class ExchangePartner : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    public bool IsActive { get; set; } = true;

    public long Version { get; set; }
}

/// <summary>
/// A place where a partner's files are read and written: a local folder, a remote SFTP server or an Azure Blob
/// container. Secrets are stored encrypted by Data Protection and never returned in full.
/// </summary>
public class ExchangeEndpoint : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PartnerId { get; set; }

    public required string Name { get; set; }

    public ExchangeEndpointKind Kind { get; set; }

    /// <summary>Root folder for a local endpoint; base folder on the server for SFTP; blob prefix for Azure Blob.</summary>
    public string RootPath { get; set; } = string.Empty;

    /// <summary>Folder of incoming files, relative to <see cref="RootPath"/>.</summary>
    public string InboundPath { get; set; } = "inbound";

    /// <summary>Folder of outgoing files, relative to <see cref="RootPath"/>.</summary>
    public string OutboundPath { get; set; } = "outbound";

    public string? Host { get; set; }

    public int Port { get; set; } = 22;

    public string? UserName { get; set; }

    /// <summary>SFTP password, encrypted.</summary>
    public string? ProtectedPassword { get; set; }

    /// <summary>SFTP private key in OpenSSH or PEM format, encrypted.</summary>
    public string? ProtectedPrivateKey { get; set; }

    /// <summary>
    /// The server's host key SHA-256 fingerprint as OpenSSH prints it (base64 without padding, with or without the
    /// <c>SHA256:</c> prefix). A connection to a server with another key is rejected.
    /// </summary>
    public string? HostKeySha256 { get; set; }

    /// <summary>Encoding name of the server's file names, for example <c>utf-8</c> or <c>windows-1252</c>.</summary>
    public string FileNameEncoding { get; set; } = "utf-8";

    /// <summary>Azure Storage connection string, encrypted.</summary>
    public string? ProtectedConnectionString { get; set; }

    public string? Container { get; set; }

    public FileReadiness Readiness { get; set; } = FileReadiness.StableSize;

    public long Version { get; set; }
}

public enum ExchangeEndpointKind
{
    LocalFolder,
    Sftp,
    AzureBlob,
}

/// <summary>The rule that tells the hub a partner has finished writing a file.</summary>
public enum FileReadiness
{
    /// <summary>Size and modification time unchanged across two polls.</summary>
    StableSize,

    /// <summary>A marker file <c>NAME.ok</c> next to the file.</summary>
    MarkerFile,

    /// <summary>The partner writes under a temporary name (<c>.tmp</c>, <c>.part</c> or a leading dot) and renames.</summary>
    TemporaryName,
}
