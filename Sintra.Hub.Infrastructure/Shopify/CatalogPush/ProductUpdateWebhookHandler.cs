using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sintra.Hub.Core.CatalogSync;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Core.Webhooks;

namespace Sintra.Hub.Infrastructure.Shopify.CatalogPush;

/// <summary>
/// Handles <c>products/update</c> of a product the hub pushed. A payload whose title, description, tags and prices
/// hash to what the hub last sent is the echo of its own push and is ignored. Any other payload is, per the channel's
/// setting, applied to the hub and recorded as a version from the channel, or stored as a conflict for staff without
/// changing hub data. A payload older than the last one handled is ignored.
/// </summary>
public sealed class ProductUpdateWebhookHandler(
    HubDbContext db,
    ChannelValuesApplier applier,
    TimeProvider clock,
    ILogger<ProductUpdateWebhookHandler> logger)
{
    public const string Topic = "products/update";

    public async Task<InboxStatus> HandleAsync(InboxMessage message, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<ProductPayload>(message.Body)
            ?? throw new JsonException("The products/update body is not a JSON object.");
        var productGid = payload.AdminGraphQlApiId ?? $"gid://shopify/Product/{payload.Id}";
        var sync = await db.Set<ChannelProductSync>().SingleOrDefaultAsync(
            s => s.ChannelId == message.ChannelId && s.ExternalProductId == productGid, cancellationToken);
        var settings = await db.Set<ChannelCatalogSettings>().AsNoTracking()
            .SingleOrDefaultAsync(s => s.ChannelId == message.ChannelId, cancellationToken);
        if (sync is null || settings is null)
        {
            return InboxStatus.Ignored;
        }

        var updatedAt = payload.UpdatedAt?.UtcDateTime;
        if (updatedAt is not null && sync.ChannelUpdatedAt is { } last && updatedAt < last)
        {
            return InboxStatus.Ignored;
        }

        var variants = payload.Variants ?? [];
        var hash = ChannelContentHash.Compute(payload.Title ?? string.Empty, payload.BodyHtml,
            ChannelContentHash.SplitTags(payload.Tags),
            variants.Select(v => (VariantGid(v), ParseMoney(v.Price) ?? 0m, ParseMoney(v.CompareAtPrice))));
        if (hash == sync.ChannelContentHash)
        {
            CatalogPushLog.EchoIgnored(logger, message.WebhookId, productGid);
            return InboxStatus.Ignored;
        }

        var values = await ValuesAsync(message.ChannelId, payload, variants, cancellationToken);
        var channel = await db.Channels.AsNoTracking().SingleAsync(c => c.Id == message.ChannelId, cancellationToken);
        sync.ChannelUpdatedAt = updatedAt ?? sync.ChannelUpdatedAt;
        if (settings.IncomingUpdates == ChannelUpdatePolicy.FlagConflict)
        {
            sync.ConflictValues = JsonSerializer.Serialize(values);
            sync.ConflictAt = clock.GetUtcNow().UtcDateTime;
            sync.ConflictWebhookId = message.WebhookId;
            await db.SaveChangesAsync(cancellationToken);
            CatalogPushLog.ChannelChange(logger, message.WebhookId, sync.ProductId, channel.Name, "conflict flagged");
            return InboxStatus.Processed;
        }

        // The channel now has these values, so the push that the change triggers, and its webhook, match them.
        sync.ChannelContentHash = hash;
        var version = await applier.ApplyAsync(channel, settings, sync.ProductId, values, message.WebhookId,
            cancellationToken);
        CatalogPushLog.ChannelChange(logger, message.WebhookId, sync.ProductId, channel.Name,
            version is null ? "no difference to the hub" : $"recorded as version {version}");
        return InboxStatus.Processed;
    }

    /// <summary>Maps the payload's variants to hub variants through the links the push stored.</summary>
    private async Task<ChannelProductValues> ValuesAsync(Guid channelId, ProductPayload payload,
        IReadOnlyList<VariantPayload> variants, CancellationToken cancellationToken)
    {
        var gids = variants.Select(VariantGid).ToList();
        var links = await db.ShopifyVariantLinks.AsNoTracking()
            .Where(l => l.ChannelId == channelId && l.ShopifyVariantId != null && gids.Contains(l.ShopifyVariantId))
            .ToDictionaryAsync(l => l.ShopifyVariantId!, cancellationToken);
        var prices = variants
            .Where(v => links.ContainsKey(VariantGid(v)) && ParseMoney(v.Price) is not null)
            .Select(v => new ChannelVariantPrice(links[VariantGid(v)].VariantId, v.Sku, ParseMoney(v.Price)!.Value,
                ParseMoney(v.CompareAtPrice)))
            .ToList();
        var tags = ChannelContentHash.SplitTags(payload.Tags);
        return new ChannelProductValues(payload.Title ?? string.Empty, payload.BodyHtml,
            tags.Count == 0 ? null : string.Join(", ", tags), prices);
    }

    private static string VariantGid(VariantPayload variant) =>
        variant.AdminGraphQlApiId ?? $"gid://shopify/ProductVariant/{variant.Id}";

    private static decimal? ParseMoney(string? value) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : null;

    private sealed record ProductPayload(
        [property: JsonPropertyName("id")] long Id,
        [property: JsonPropertyName("admin_graphql_api_id")] string? AdminGraphQlApiId,
        [property: JsonPropertyName("title")] string? Title,
        [property: JsonPropertyName("body_html")] string? BodyHtml,
        [property: JsonPropertyName("tags")] string? Tags,
        [property: JsonPropertyName("updated_at")] DateTimeOffset? UpdatedAt,
        [property: JsonPropertyName("variants")] IReadOnlyList<VariantPayload>? Variants);

    private sealed record VariantPayload(
        [property: JsonPropertyName("id")] long Id,
        [property: JsonPropertyName("admin_graphql_api_id")] string? AdminGraphQlApiId,
        [property: JsonPropertyName("sku")] string? Sku,
        [property: JsonPropertyName("price")] string? Price,
        [property: JsonPropertyName("compare_at_price")] string? CompareAtPrice);
}
