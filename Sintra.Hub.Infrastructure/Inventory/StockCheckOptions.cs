using System.ComponentModel.DataAnnotations;

namespace Sintra.Hub.Infrastructure.Inventory;

/// <summary>The <c>StockCheck</c> section: how often the stock check job proves levels against the ledger.</summary>
public sealed class StockCheckOptions
{
    public const string SectionName = "StockCheck";

    /// <summary>Runs the scheduled check in this instance. The page can still run it on request.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Minutes between two scheduled checks; one week at most.</summary>
    [Range(1, 10080)]
    public int IntervalMinutes { get; set; } = 60;
}
