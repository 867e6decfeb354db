using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Exchange;

/// <summary>A scheduled file exchange with a partner, run by a Quartz job on its cron schedule.</summary>
public class ExchangeFlow : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PartnerId { get; set; }

    public Guid EndpointId { get; set; }

    public required string Name { get; set; }

    public ExchangeFlowKind Kind { get; set; }

    /// <summary>Quartz cron expression, evaluated in UTC, for example <c>0 0/15 * * * ?</c>.</summary>
    public string Cron { get; set; } = "0 0/15 * * * ?";

    public bool IsEnabled { get; set; } = true;

    /// <summary>The stock import profile of a <see cref="ExchangeFlowKind.StockIn"/> flow.</summary>
    public Guid? StockProfileId { get; set; }

    /// <summary>The CSV profile of a shipments-in or orders-out flow.</summary>
    public Guid? CsvProfileId { get; set; }

    /// <summary>Order statuses that an orders-out flow exports, comma-separated, for example <c>Paid,InFulfillment</c>.</summary>
    public string OrderStatuses { get; set; } = "Paid";

    public long Version { get; set; }
}

public enum ExchangeFlowKind
{
    /// <summary>Warehouse stock files in, through the stock import.</summary>
    StockIn,

    /// <summary>Logistics shipment files in, shipped through the order shipping service.</summary>
    ShipmentsIn,

    /// <summary>Orders out to the ERP.</summary>
    OrdersOut,

    /// <summary>Product and price files in, through the catalog import.</summary>
    ProductsIn,
}
