using System.ComponentModel.DataAnnotations;

namespace Sintra.Hub.Infrastructure.Integration;

/// <summary>The <c>Integration:Webhooks</c> section: where outbound webhooks may point and how long a request may take.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Integration:Webhooks";

    /// <summary>
    /// Host names that subscriptions may use. Empty allows every public host. A listed host still has to resolve to
    /// a public address unless <see cref="AllowPrivateAddresses"/> is set.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>
    /// Lets deliveries connect to loopback, private, link-local and unique-local addresses. Off by default, because
    /// a subscription URL must not reach the hub's own network; development and tests turn it on for 127.0.0.1.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>Seconds before a delivery that got no response counts as failed and is retried.</summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 10;
}
