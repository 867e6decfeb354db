namespace Sintra.Hub.Core.Exchange;

/// <summary>
/// A partner file that a flow took, keyed by its content SHA-256 per partner, so the same content under another
/// name is skipped.
/// </summary>
public class ExchangeFile
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PartnerId { get; set; }

    public Guid FlowId { get; set; }

    public required string FileName { get; set; }

    /// <summary>Lower-case hex SHA-256 of the content.</summary>
    public required string Sha256 { get; set; }

    public ExchangeFileStatus Status { get; set; }

    public int RowCount { get; set; }

    public int ErrorCount { get; set; }

    public string? Error { get; set; }

    /// <summary>The path the file was moved to, relative to the endpoint root.</summary>
    public string? MovedTo { get; set; }

    public DateTime TakenAt { get; set; }

    /// <summary>True until someone dismisses the alert of a failed file on the home page.</summary>
    public bool NeedsAttention { get; set; }
}

public enum ExchangeFileStatus
{
    Processed,
    Failed,
}

/// <summary>The size and modification time a flow saw for an inbound file at its last poll.</summary>
public class ExchangeFileObservation
{
    public Guid FlowId { get; set; }

    public required string FileName { get; set; }

    public long Size { get; set; }

    public DateTime ModifiedAt { get; set; }

    public DateTime SeenAt { get; set; }
}

/// <summary>An order written to an export file of a CSV profile; an order is exported once per profile.</summary>
public class OrderExportEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProfileId { get; set; }

    public Guid OrderId { get; set; }

    public Guid FlowId { get; set; }

    public required string FileName { get; set; }

    public DateTime ExportedAt { get; set; }
}
