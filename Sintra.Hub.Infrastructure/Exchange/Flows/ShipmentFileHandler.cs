using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Exchange;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Orders.Shipping;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Infrastructure.Exchange.Flows;

/// <summary>
/// Logistics shipment files: one row per shipped SKU with order number, quantity, carrier and tracking, shipped
/// through <see cref="IOrderShipping"/>. Every row is checked before the first shipment, so a malformed file ships
/// nothing. Each row's external reference is the file's SHA-256 and the row's line, so a re-run ships nothing twice.
/// </summary>
public sealed class ShipmentFileHandler(HubDbContext db, IOrderShipping shipping) : IInboundFileHandler
{
    public static readonly IReadOnlyList<string> Fields =
        [ShipmentFields.OrderNumber, ShipmentFields.Sku, ShipmentFields.Quantity, ShipmentFields.Carrier, ShipmentFields.TrackingNumber, ShipmentFields.TrackingUrl];

    public async Task<FileOutcome> HandleAsync(InboundFile file, CancellationToken cancellationToken)
    {
        var profile = await db.Set<ExchangeCsvProfile>().AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == file.Flow.CsvProfileId, cancellationToken);
        if (profile is null)
        {
            return new FileOutcome(false, 0, 1, "The flow has no CSV profile. Choose one in the flow's settings.");
        }

        var read = ProfileCsv.Read(file.Content, profile);
        if (read.Failure is not null)
        {
            return new FileOutcome(false, 0, 1, read.Failure);
        }

        var errors = new List<string>(read.Errors);
        var requests = new List<(ProfileRow Row, ShipmentRequest Request)>();
        var names = read.Rows.Select(r => r.Get(ShipmentFields.OrderNumber).Trim()).Distinct().ToList();
        var orders = await db.Orders.AsNoTracking()
            .Where(o => names.Contains(o.Name))
            .Select(o => new { o.Id, o.Name })
            .ToListAsync(cancellationToken);
        var byName = orders.ToDictionary(o => o.Name, o => o.Id, StringComparer.OrdinalIgnoreCase);
        foreach (var row in read.Rows)
        {
            if (ToRequest(file, row, byName, errors) is { } request)
            {
                requests.Add((row, request));
            }
        }

        if (read.Rows.Count == 0)
        {
            errors.Add("The file has no shipment rows.");
        }

        var report = new StringBuilder();
        if (errors.Count > 0)
        {
            report.Append("The file was rejected and nothing was shipped.\n");
            errors.ForEach(e => report.Append(e).Append('\n'));
            return new FileOutcome(false, read.Rows.Count, errors.Count, report.ToString());
        }

        var failed = 0;
        foreach (var (row, request) in requests)
        {
            var result = await shipping.ShipAsync(request, cancellationToken);
            if (result.Succeeded)
            {
                report.Append($"Line {row.Line}: shipped {result.UnitsShipped} units{(result.AlreadyApplied ? " (already applied before)" : string.Empty)}.\n");
            }
            else
            {
                failed++;
                report.Append($"Line {row.Line}: rejected: {result.Error}\n");
            }
        }

        return new FileOutcome(failed == 0, read.Rows.Count, failed, report.ToString());
    }

    private static ShipmentRequest? ToRequest(
        InboundFile file,
        ProfileRow row,
        Dictionary<string, Guid> orders,
        List<string> errors)
    {
        var orderNumber = row.Get(ShipmentFields.OrderNumber).Trim();
        var sku = row.Get(ShipmentFields.Sku).Trim();
        var quantityText = row.Get(ShipmentFields.Quantity).Trim();
        var start = errors.Count;
        if (orderNumber.Length == 0)
        {
            errors.Add($"Line {row.Line}: the order number is missing.");
        }
        else if (!orders.ContainsKey(orderNumber))
        {
            errors.Add($"Line {row.Line}: order '{orderNumber}' was not found. Check the number, for example #1001.");
        }

        if (sku.Length == 0)
        {
            errors.Add($"Line {row.Line}: the SKU is missing.");
        }

        if (!int.TryParse(quantityText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var quantity) || quantity <= 0)
        {
            errors.Add($"Line {row.Line}: quantity '{quantityText}' is not a whole number above zero.");
        }

        if (errors.Count > start)
        {
            return null;
        }

        return new ShipmentRequest(
            orders[orderNumber],
            [new ShipmentLineRequest(null, sku, quantity)],
            NullIfEmpty(row.Get(ShipmentFields.Carrier)),
            NullIfEmpty(row.Get(ShipmentFields.TrackingNumber)),
            NullIfEmpty(row.Get(ShipmentFields.TrackingUrl)),
            null,
            $"file:{file.FileName}",
            $"{file.Sha256}:{row.Line}");
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Field names of a shipments-in CSV profile.</summary>
public static class ShipmentFields
{
    public const string OrderNumber = "OrderNumber";
    public const string Sku = "Sku";
    public const string Quantity = "Quantity";
    public const string Carrier = "Carrier";
    public const string TrackingNumber = "TrackingNumber";
    public const string TrackingUrl = "TrackingUrl";
}
