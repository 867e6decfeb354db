using Sintra.Hub.Core.Orders;

namespace Sintra.Hub.Web.Integration;

public sealed record OrderSummaryDto(
    Guid Id,
    string Name,
    Guid ChannelId,
    OrderStatus Status,
    DateTime PlacedAt,
    DateTime UpdatedAt,
    string Currency,
    decimal TotalPrice)
{
    public static OrderSummaryDto From(Order o) =>
        new(o.Id, o.Name, o.ChannelId, o.Status, o.PlacedAt, o.UpdatedAt, o.Currency, o.TotalPrice);
}

/// <summary>An order with its lines, addresses and Italian fiscal data.</summary>
public sealed record OrderDto(
    Guid Id,
    string Name,
    Guid ChannelId,
    long ExternalId,
    OrderStatus Status,
    string? CancelReason,
    DateTime PlacedAt,
    DateTime UpdatedAt,
    string? Email,
    string? CustomerName,
    Address BillingAddress,
    Address ShippingAddress,
    string Currency,
    decimal SubtotalPrice,
    decimal TotalDiscounts,
    decimal TotalShipping,
    decimal TotalTax,
    decimal TotalPrice,
    FiscalDto Fiscal,
    IReadOnlyList<OrderLineDto> Lines)
{
    public static OrderDto From(Order o) => new(
        o.Id, o.Name, o.ChannelId, o.ExternalId, o.Status, o.CancelReason, o.PlacedAt, o.UpdatedAt, o.Email,
        o.CustomerName, o.BillingAddress, o.ShippingAddress, o.Currency, o.SubtotalPrice, o.TotalDiscounts,
        o.TotalShipping, o.TotalTax, o.TotalPrice,
        new FiscalDto(o.Fiscal.CodiceFiscale, o.Fiscal.PartitaIva, o.Fiscal.CodiceDestinatario, o.Fiscal.Pec,
            o.Fiscal.Problems),
        o.Lines.Select(l => new OrderLineDto(l.Id, l.Sku, l.Title, l.VariantTitle, l.Quantity, l.Price,
            l.TotalDiscount, l.VariantId, l.ShortfallQuantity, l.RefundedQuantity)).ToList());
}

public sealed record FiscalDto(
    string? CodiceFiscale, string? PartitaIva, string? CodiceDestinatario, string? Pec, string? Problems);

public sealed record OrderLineDto(
    Guid Id,
    string? Sku,
    string Title,
    string? VariantTitle,
    int Quantity,
    decimal Price,
    decimal TotalDiscount,
    Guid? VariantId,
    int ShortfallQuantity,
    int RefundedQuantity);

public sealed class ShipInput
{
    /// <summary>Lines to ship; empty or missing ships every line's remaining quantity.</summary>
    public List<ShipLineInput>? Lines { get; set; }

    public string? Carrier { get; set; }

    public string? TrackingNumber { get; set; }

    public string? TrackingUrl { get; set; }

    public Guid? WarehouseId { get; set; }
}

public sealed class ShipLineInput
{
    public Guid? OrderLineId { get; set; }

    public string? Sku { get; set; }

    public int Quantity { get; set; }
}

public sealed class CancelInput
{
    public string? Reason { get; set; }
}
