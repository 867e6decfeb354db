using System.Text.Json.Serialization;
using Sintra.Hub.Core.Returns;

namespace Sintra.Hub.Web.Integration;

/// <summary>A return in a list. <c>UpdatedAt</c> is the time of the last status change.</summary>
public sealed record ReturnSummaryDto(
    Guid Id,
    string Number,
    Guid OrderId,
    Guid ChannelId,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ReturnStatus>))] ReturnStatus Status,
    int Units,
    DateTime RequestedAt,
    DateTime UpdatedAt);

/// <summary>A return with its lines and decisions, refund and timeline.</summary>
public sealed record ReturnDto(
    Guid Id,
    string Number,
    Guid OrderId,
    string OrderName,
    Guid ChannelId,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ReturnStatus>))] ReturnStatus Status,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ReturnOrigin>))] ReturnOrigin Origin,
    string ReasonCode,
    string? Comment,
    string? RejectionReason,
    string Locale,
    DateTime RequestedAt,
    DateTime? DecidedAt,
    DateTime? ReceivedAt,
    DateTime? ClosedAt,
    DateTime UpdatedAt,
    string Currency,
    decimal RefundAmount,
    IReadOnlyList<ReturnLineDto> Lines,
    IReadOnlyList<ReturnEventDto> Timeline);

/// <summary>
/// A line of a return. <c>Decision</c> and <c>WarehouseCode</c> stay null until the parcel is received.
/// </summary>
public sealed record ReturnLineDto(
    Guid Id,
    Guid OrderLineId,
    string Title,
    string? Sku,
    int Quantity,
    string ReasonCode,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ReturnDisposition>))] ReturnDisposition? Decision,
    string? WarehouseCode,
    int RefundedQuantity);

public sealed record ReturnEventDto(DateTime OccurredAt, string Kind, string Message, string Actor);

/// <summary>A return to open for an order. It starts as requested and waits for approval.</summary>
public sealed class OpenReturnInput
{
    public Guid? OrderId { get; set; }

    /// <summary>Code of a reason from the channel's list of return reasons.</summary>
    public string? Reason { get; set; }

    public string? Comment { get; set; }

    /// <summary>Language of the customer's e-mails, <c>it</c> or <c>en</c>, or the channel's default when missing.</summary>
    public string? Locale { get; set; }

    public List<OpenReturnLineInput>? Lines { get; set; }
}

public sealed class OpenReturnLineInput
{
    public Guid? OrderLineId { get; set; }

    public int? Quantity { get; set; }

    /// <summary>Optional reason code of this line, or the return's reason when missing.</summary>
    public string? Reason { get; set; }
}

public sealed class RejectReturnInput
{
    /// <summary>Reason for the rejection, which the customer reads in the e-mail.</summary>
    public string? Reason { get; set; }
}

/// <summary>The decision for every line of an arrived parcel, and an optional refund.</summary>
public sealed class ReceiveReturnInput
{
    public List<ReceiveReturnLineInput>? Lines { get; set; }

    /// <summary>Money to refund through the channel, in the order's currency, or 0 when missing.</summary>
    public decimal? RefundAmount { get; set; }
}

public sealed class ReceiveReturnLineInput
{
    public Guid? ReturnLineId { get; set; }

    /// <summary>
    /// <c>Restock</c> puts the units back on sale. <c>Damaged</c> and <c>QualityControl</c> add them to on hand as
    /// unavailable.
    /// </summary>
    [JsonConverter(typeof(JsonStringEnumConverter<ReturnDisposition>))]
    public ReturnDisposition? Decision { get; set; }

    /// <summary>Code of the warehouse whose on hand the units join.</summary>
    public string? Warehouse { get; set; }
}
