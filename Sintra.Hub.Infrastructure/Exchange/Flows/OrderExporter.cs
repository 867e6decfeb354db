using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Exchange;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Exchange.Storage;

namespace Sintra.Hub.Infrastructure.Exchange.Flows;

/// <summary>The result of an orders-out run: the orders and rows written and the data file's name, or null when none.</summary>
public sealed record OrderExportResult(int OrderCount, int RowCount, string? FileName, string? ManifestName);

/// <summary>
/// Writes orders for the ERP: one row per order line through the flow's CSV profile, each order once per profile
/// unless a re-export is requested, plus a JSON manifest with the row count and the data file's SHA-256. Both files
/// are written under a <c>.tmp</c> name and renamed, so the ERP never reads a half-written file.
/// </summary>
public sealed class OrderExporter(HubDbContext db, TimeProvider clock)
{
    /// <summary>Fields that are always written as quoted text, guarded against spreadsheet formulas.</summary>
    public static readonly IReadOnlySet<string> TextFields = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "OrderName", "Status", "Email", "CustomerName", "ShipName", "ShipCompany", "ShipAddress1", "ShipAddress2",
        "ShipCity", "ShipPostcode", "ShipProvince", "ShipCountry", "Sku", "Title", "VariantTitle", "Currency", "Note",
    };

    public static readonly IReadOnlyList<string> Fields =
    [
        "OrderName", "OrderNumber", "BusinessDate", "PlacedAt", "Status", "Email", "CustomerName", "ShipName",
        "ShipCompany", "ShipAddress1", "ShipAddress2", "ShipCity", "ShipPostcode", "ShipProvince", "ShipCountry",
        "Sku", "Title", "VariantTitle", "Quantity", "UnitPrice", "LineTotal", "OrderTotal", "Currency", "Note",
    ];

    public async Task<OrderExportResult> ExportAsync(
        ExchangeFlow flow,
        ExchangeEndpoint endpoint,
        IExchangeStore store,
        bool reexport,
        CancellationToken cancellationToken)
    {
        var profile = await db.Set<ExchangeCsvProfile>().AsNoTracking()
                .SingleOrDefaultAsync(p => p.Id == flow.CsvProfileId, cancellationToken)
            ?? throw new InvalidOperationException($"Flow '{flow.Name}' has no CSV profile. Choose one in the flow's settings.");
        var statuses = ParseStatuses(flow.OrderStatuses);
        var query = db.Orders.AsNoTracking().Include(o => o.Lines).Where(o => statuses.Contains(o.Status));
        if (!reexport)
        {
            query = query.Where(o => !db.Set<OrderExportEntry>().Any(e => e.ProfileId == profile.Id && e.OrderId == o.Id));
        }

        var orders = await query.OrderBy(o => o.PlacedAt).ToListAsync(cancellationToken);
        if (orders.Count == 0)
        {
            return new OrderExportResult(0, 0, null, null);
        }

        var culture = ProfileCsv.CultureOf(profile);
        var rows = orders.SelectMany(o => o.Lines.Select(l => ToRow(o, l, culture))).ToList();
        var content = ProfileCsv.Write(profile, rows, TextFields, out var rowCount);
        var now = clock.GetUtcNow().UtcDateTime;
        var fileName = await FreeNameAsync(store, endpoint.OutboundPath, ExpandName(profile.FileNamePattern, now), now, cancellationToken);
        var manifestName = Path.GetFileNameWithoutExtension(fileName) + ".manifest.json";
        var manifest = JsonSerializer.SerializeToUtf8Bytes(new
        {
            file = fileName,
            rows = rowCount,
            orders = orders.Count,
            sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            createdAt = now,
        });

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = reexport
            ? await db.Set<OrderExportEntry>().Where(e => e.ProfileId == profile.Id).Select(e => e.OrderId).ToListAsync(cancellationToken)
            : [];
        foreach (var order in orders.Where(o => !existing.Contains(o.Id)))
        {
            db.Add(new OrderExportEntry { ProfileId = profile.Id, OrderId = order.Id, FlowId = flow.Id, FileName = fileName, ExportedAt = now });
        }

        if (reexport)
        {
            await db.Set<OrderExportEntry>()
                .Where(e => e.ProfileId == profile.Id && existing.Contains(e.OrderId))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.FileName, fileName).SetProperty(e => e.ExportedAt, now), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);

        // The files are written inside the transaction: if writing fails nothing is logged and the orders are
        // exported next run. NOTE: a failed commit after both renames leaves files whose orders export again.
        await store.EnsureFolderAsync(endpoint.OutboundPath, cancellationToken);
        await WriteThenRenameAsync(store, endpoint.OutboundPath, fileName, content, cancellationToken);
        await WriteThenRenameAsync(store, endpoint.OutboundPath, manifestName, manifest, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new OrderExportResult(orders.Count, rowCount, fileName, manifestName);
    }

    public static HashSet<OrderStatus> ParseStatuses(string text)
    {
        var statuses = new HashSet<OrderStatus>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<OrderStatus>(part, ignoreCase: true, out var status))
            {
                throw new InvalidOperationException(
                    $"Order status '{part}' is not valid. Use {string.Join(", ", Enum.GetNames<OrderStatus>())}.");
            }

            statuses.Add(status);
        }

        return statuses;
    }

    private static Dictionary<string, string> ToRow(Order order, OrderLine line, CultureInfo culture)
    {
        var ship = order.ShippingAddress;
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["OrderName"] = order.Name,
            ["OrderNumber"] = order.OrderNumber?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            ["BusinessDate"] = order.BusinessDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["PlacedAt"] = order.PlacedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["Status"] = order.Status.ToString(),
            ["Email"] = order.Email ?? string.Empty,
            ["CustomerName"] = order.CustomerName ?? string.Empty,
            ["ShipName"] = ship.FullName,
            ["ShipCompany"] = ship.Company ?? string.Empty,
            ["ShipAddress1"] = ship.Address1 ?? string.Empty,
            ["ShipAddress2"] = ship.Address2 ?? string.Empty,
            ["ShipCity"] = ship.City ?? string.Empty,
            ["ShipPostcode"] = ship.Zip ?? string.Empty,
            ["ShipProvince"] = ship.ProvinceCode ?? ship.Province ?? string.Empty,
            ["ShipCountry"] = ship.CountryCode ?? ship.Country ?? string.Empty,
            ["Sku"] = line.Sku ?? string.Empty,
            ["Title"] = line.Title,
            ["VariantTitle"] = line.VariantTitle ?? string.Empty,
            ["Quantity"] = line.Quantity.ToString(CultureInfo.InvariantCulture),
            ["UnitPrice"] = line.Price.ToString("0.00", culture),
            ["LineTotal"] = (line.Price * line.Quantity - line.TotalDiscount).ToString("0.00", culture),
            ["OrderTotal"] = order.TotalPrice.ToString("0.00", culture),
            ["Currency"] = order.Currency,
            ["Note"] = order.Note ?? string.Empty,
        };
    }

    /// <summary>Replaces <c>{date:FORMAT}</c> and <c>{time:FORMAT}</c> in a file name pattern with the UTC time.</summary>
    public static string ExpandName(string pattern, DateTime utcNow)
    {
        var name = System.Text.RegularExpressions.Regex.Replace(
            pattern,
            @"\{(date|time):([^}]+)\}",
            m => utcNow.ToString(m.Groups[2].Value, CultureInfo.InvariantCulture));
        if (!ExchangeFileNames.IsValid(name))
        {
            throw new InvalidOperationException(
                $"The file name pattern '{pattern}' gives '{name}', which is not a valid file name. Use letters, digits, dot, dash and underscore.");
        }

        return name;
    }

    private static async Task<string> FreeNameAsync(
        IExchangeStore store, string folder, string name, DateTime now, CancellationToken cancellationToken) =>
        await store.ExistsAsync(ExchangePaths.Combine(folder, name), cancellationToken)
            ? ExchangeFileNames.WithTimeSuffix(name, now)
            : name;

    private static async Task WriteThenRenameAsync(
        IExchangeStore store, string folder, string name, byte[] content, CancellationToken cancellationToken)
    {
        var temporary = ExchangePaths.Combine(folder, name + ".tmp");
        await store.WriteAsync(temporary, content, cancellationToken);
        await store.MoveAsync(temporary, ExchangePaths.Combine(folder, name), cancellationToken);
    }
}
