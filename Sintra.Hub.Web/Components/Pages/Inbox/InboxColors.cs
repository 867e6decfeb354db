using MudBlazor;
using Sintra.Hub.Core.Webhooks;

namespace Sintra.Hub.Web.Components.Pages.Inbox;

/// <summary>Chip colours of the inbox statuses.</summary>
public static class InboxColors
{
    public static Color For(InboxStatus status) => status switch
    {
        InboxStatus.Processed => Color.Success,
        InboxStatus.Failed => Color.Error,
        InboxStatus.Retrying => Color.Warning,
        InboxStatus.Ignored => Color.Default,
        _ => Color.Info,
    };
}
