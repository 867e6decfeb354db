using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Sintra.Hub.Core.Orders;

/// <summary>
/// Cuts the text a channel sends to the column sizes of the order tables. SQL Server and PostgreSQL reject a
/// longer value, so one long address line would otherwise fail the whole delivery.
/// </summary>
internal static class OrderTextClipper
{
    public static void Clip(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)
                || entry.Entity is not (Order or OrderLine or Address or FiscalData))
            {
                continue;
            }

            foreach (var property in entry.Properties)
            {
                if (property.CurrentValue is string text
                    && property.Metadata.GetMaxLength() is { } maxLength
                    && text.Length > maxLength)
                {
                    property.CurrentValue = Cut(text, maxLength);
                }
            }
        }
    }

    // A cut inside a surrogate pair would leave half a character, which PostgreSQL cannot encode as UTF-8.
    private static string Cut(string text, int maxLength) =>
        char.IsHighSurrogate(text[maxLength - 1]) ? text[..(maxLength - 1)] : text[..maxLength];
}
