namespace Sintra.Hub.Infrastructure.Shopify.Admin;

/// <summary>
/// Settings of the Shopify GraphQL Admin API client, bound from the <c>Shopify:Admin</c> configuration section.
/// </summary>
public sealed class ShopifyAdminOptions
{
    public const string SectionName = "Shopify:Admin";

    /// <summary>
    /// API version in the endpoint path. The documents and response shapes of this client follow 2026-04,
    /// the first version that requires <c>changeFromQuantity</c> and the <c>@idempotent</c> directive.
    /// </summary>
    public string ApiVersion { get; set; } = "2026-04";

    /// <summary>Time allowed for one HTTP attempt before it counts as timed out and may be retried.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a 5xx, a timeout, a network error or an INTERNAL_SERVER_ERROR.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>
    /// Retries after a THROTTLED error or HTTP 429. Each one waits for the bucket to refill, so this is a
    /// safety limit against a misbehaving server rather than a policy.
    /// </summary>
    public int MaxThrottleRetries { get; set; } = 20;

    /// <summary>First backoff after a transient failure; it doubles on every further attempt.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Wait after HTTP 429 when the response carries no usable <c>Retry-After</c> header.</summary>
    public TimeSpan DefaultRetryAfter { get; set; } = TimeSpan.FromSeconds(2);
}
