using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Returns;

/// <summary>
/// A customer's request to send back units of one order, from the request through approval and receipt to closing.
/// State changes go through the transition methods, which reject moves that the workflow does not allow.
/// </summary>
public class ReturnRequest : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Number shown to the customer and staff, for example <c>R-000123</c>; unique in the hub.</summary>
    public required string Number { get; set; }

    public Guid ChannelId { get; set; }

    public Guid OrderId { get; set; }

    public ReturnStatus Status { get; private set; } = ReturnStatus.Requested;

    /// <summary>Code of the reason from the channel's list, for the whole request.</summary>
    public required string ReasonCode { get; set; }

    public string? CustomerComment { get; set; }

    public string? RejectionReason { get; private set; }

    /// <summary>Language of the customer's e-mails, <c>it</c> or <c>en</c>.</summary>
    public string Locale { get; set; } = "it";

    /// <summary>Who opened the request: the customer through the returns page, or a staff member.</summary>
    public ReturnOrigin Origin { get; set; }

    /// <summary>The channel's id of the return, once the channel has one; null until then.</summary>
    public long? ExternalId { get; set; }

    public DateTime RequestedAt { get; set; }

    public DateTime? DecidedAt { get; private set; }

    public DateTime? ReceivedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    /// <summary>Money refunded when the units arrived, in the order's shop currency; zero when none.</summary>
    public decimal RefundAmount { get; set; }

    public long Version { get; set; }

    public List<ReturnLine> Lines { get; set; } = [];

    public List<ReturnPhoto> Photos { get; set; } = [];

    /// <summary>True while the request waits for a decision or for the parcel (requested or approved).</summary>
    public bool IsOpen => Status is ReturnStatus.Requested or ReturnStatus.Approved;

    public ReturnTransition Approve(DateTime at)
    {
        if (Status != ReturnStatus.Requested)
        {
            return ReturnTransition.Rejected($"Return {Number} is {Status}; only a requested return can be approved.");
        }

        Status = ReturnStatus.Approved;
        DecidedAt = at;
        return ReturnTransition.Done;
    }

    /// <summary>Rejects the request with a reason that the customer reads in the e-mail.</summary>
    public ReturnTransition Reject(string reason, DateTime at)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return ReturnTransition.Rejected("A rejection needs a reason for the customer.");
        }

        if (Status != ReturnStatus.Requested)
        {
            return ReturnTransition.Rejected($"Return {Number} is {Status}; only a requested return can be rejected.");
        }

        Status = ReturnStatus.Rejected;
        RejectionReason = reason.Trim();
        DecidedAt = at;
        return ReturnTransition.Done;
    }

    /// <summary>Records that the units arrived. Stock moves are the caller's work, per line decision.</summary>
    public ReturnTransition Receive(DateTime at)
    {
        if (Status != ReturnStatus.Approved)
        {
            return ReturnTransition.Rejected($"Return {Number} is {Status}; only an approved return can be received.");
        }

        Status = ReturnStatus.Received;
        ReceivedAt = at;
        return ReturnTransition.Done;
    }

    public ReturnTransition Close(DateTime at)
    {
        if (Status is not (ReturnStatus.Received or ReturnStatus.Rejected))
        {
            return ReturnTransition.Rejected($"Return {Number} is {Status}; only a received or rejected return can be closed.");
        }

        Status = ReturnStatus.Closed;
        ClosedAt = at;
        return ReturnTransition.Done;
    }

    /// <summary>Applies a status that the channel reports, when the workflow allows the move; returns whether it did.</summary>
    public bool ApplyChannelStatus(ReturnStatus status, string? reason, DateTime at) => status switch
    {
        ReturnStatus.Approved => Approve(at).Changed,
        ReturnStatus.Rejected => Reject(reason ?? "Declined in the shop.", at).Changed,
        ReturnStatus.Closed when Status == ReturnStatus.Approved => Receive(at).Changed && Close(at).Changed,
        ReturnStatus.Closed => Close(at).Changed,
        _ => false,
    };
}

public enum ReturnStatus
{
    Requested,
    Approved,
    Rejected,
    Received,
    Closed,
}

public enum ReturnOrigin
{
    Customer,
    Staff,
    Channel,
}

/// <summary>Units of one order line in a return, and on receipt what happens to them.</summary>
public class ReturnLine
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ReturnRequestId { get; set; }

    public Guid OrderLineId { get; set; }

    public int Quantity { get; set; }

    /// <summary>Code of the line's reason from the channel's list; the request's reason when the customer gave none.</summary>
    public required string ReasonCode { get; set; }

    /// <summary>What staff decided when the units arrived; null before receipt.</summary>
    public ReturnDisposition? Disposition { get; set; }

    /// <summary>Warehouse whose on hand the units joined; set for every disposition once received.</summary>
    public Guid? WarehouseId { get; set; }

    /// <summary>Units of this line refunded through the hub when the return arrived.</summary>
    public int RefundedQuantity { get; set; }

    /// <summary>The channel's id of the return line item, once known.</summary>
    public long? ExternalId { get; set; }
}

/// <summary>What happens to returned units: back to sale, or on hand but unavailable.</summary>
public enum ReturnDisposition
{
    Restock,
    Damaged,
    QualityControl,
}

/// <summary>A photo the customer attached, stored as a file under the data folder.</summary>
public class ReturnPhoto
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ReturnRequestId { get; set; }

    /// <summary>File name inside the photo folder: the photo id and an extension chosen from the sniffed type.</summary>
    public required string StoredName { get; set; }

    public required string ContentType { get; set; }

    public long Length { get; set; }
}

/// <summary>An entry of a return's timeline: what happened, when and who did it.</summary>
public class ReturnEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ReturnRequestId { get; set; }

    public DateTime OccurredAt { get; set; }

    public required string Kind { get; set; }

    public required string Message { get; set; }

    public required string Actor { get; set; }
}

/// <summary>Outcome of a return transition; a rejected move carries the reason.</summary>
public sealed record ReturnTransition(bool Changed, string? Error)
{
    public static ReturnTransition Done { get; } = new(true, null);

    public static ReturnTransition Rejected(string error) => new(false, error);
}
