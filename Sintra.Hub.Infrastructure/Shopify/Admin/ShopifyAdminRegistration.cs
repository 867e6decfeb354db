using System.Collections.Concurrent;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Sintra.Hub.Infrastructure.Shopify.Admin;

/// <summary>
/// Creates one <see cref="ShopifyAdminClient"/> per shop. All clients of a shop share its cost bucket.
/// </summary>
public sealed class ShopifyAdminClientFactory(
    IHttpClientFactory httpClientFactory,
    IOptions<ShopifyAdminOptions> options,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory)
{
    public const string HttpClientName = "ShopifyAdmin";

    private readonly ConcurrentDictionary<string, ShopifyCostBucket> buckets = new(StringComparer.OrdinalIgnoreCase);

    public ShopifyAdminClient Create(ShopifyShopConnection shop)
    {
        var bucket = buckets.GetOrAdd(shop.ShopDomain, _ => new ShopifyCostBucket(timeProvider));
        return new ShopifyAdminClient(httpClientFactory.CreateClient(HttpClientName), shop, bucket, options.Value,
            timeProvider, loggerFactory.CreateLogger<ShopifyAdminClient>());
    }
}

public static class ShopifyAdminRegistration
{
    /// <summary>Registers <see cref="ShopifyAdminClientFactory"/> and its options.</summary>
    public static IServiceCollection AddShopifyAdminClient(this IServiceCollection services)
    {
        services.AddOptions<ShopifyAdminOptions>().BindConfiguration(ShopifyAdminOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);

        // The client enforces its own per-attempt timeout through TimeProvider, so HttpClient's must not fire first.
        services.AddHttpClient(ShopifyAdminClientFactory.HttpClientName,
            client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<ShopifyAdminClientFactory>();
        return services;
    }
}
