using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Inventory.Import;

/// <summary>One uploaded stock file that a user chose to apply, with its state and counts.</summary>
public class StockImport : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProfileId { get; set; }

    /// <summary>Version of the profile that the preview used. The apply rejects the import if it changed since.</summary>
    public long ProfileVersion { get; set; }

    /// <summary>Profile name at the time of the import, kept if the profile is renamed or deleted.</summary>
    public required string ProfileName { get; set; }

    public required string FileName { get; set; }

    /// <summary>Name of the uploaded file in the hub's import folder.</summary>
    public required string StoredFileName { get; set; }

    public StockImportMode Mode { get; set; }

    /// <summary>Moment of a full count for rows without their own counted-at time, UTC.</summary>
    public DateTime CountedAt { get; set; }

    public required string UserName { get; set; }

    public StockImportStatus Status { get; set; } = StockImportStatus.Queued;

    public int RowCount { get; set; }

    /// <summary>Rows that changed an on hand when applied.</summary>
    public int ChangedCount { get; set; }

    /// <summary>Reason of a failed apply or the last rejected undo, in English, for the page and the log.</summary>
    public string? Message { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public DateTime? UndoneAt { get; set; }

    public string? UndoneBy { get; set; }

    public long Version { get; set; }
}

public enum StockImportStatus
{
    Queued,
    Applying,
    Applied,
    Failed,
    Undone,
}
