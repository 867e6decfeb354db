namespace Sintra.Hub.Core.Returns;

/// <summary>Outbox topics of returns. For each, <c>EntityId</c> is the return id.</summary>
public static class ReturnOutboxTopics
{
    /// <summary>E-mail to the customer that the hub recorded the return request.</summary>
    public const string RequestedEmail = "email.return-requested";

    public const string ApprovedEmail = "email.return-approved";

    public const string RejectedEmail = "email.return-rejected";

    /// <summary>Tells the channel of a return change; the payload is one of <see cref="ReturnChannelActions"/>.</summary>
    public const string ChannelPush = "channel.return";

    /// <summary>Refunds the return's <c>RefundAmount</c> on the channel, with the row's idempotency key.</summary>
    public const string ChannelRefund = "channel.return-refund";
}

/// <summary>Payloads of <see cref="ReturnOutboxTopics.ChannelPush"/>.</summary>
public static class ReturnChannelActions
{
    /// <summary>A customer asked on the hub's page: the channel records a requested return.</summary>
    public const string Request = "request";

    /// <summary>Staff opened the return: the channel creates it already open.</summary>
    public const string Create = "create";

    public const string Approve = "approve";

    public const string Decline = "decline";

    public const string Close = "close";
}
