using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sintra.Hub.Core.Catalog.Translations;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Catalog.Completeness;

/// <summary>A required item a product lacks: an attribute code or a text field, in the rule's locale.</summary>
public sealed record MissingItem(CompletenessItemKind Kind, string Name);

public enum CompletenessItemKind
{
    Attribute,
    Text,
}

/// <summary>How complete a product is for one channel: the required count, what is missing and the percentage.</summary>
public sealed record CompletenessReport(Guid ChannelId, string ChannelName, string Locale, int Required, IReadOnlyList<MissingItem> Missing)
{
    public bool IsComplete => Missing.Count == 0;

    /// <summary>Share of the required items present, from 0 to 100 and rounded down, or 100 when nothing is required.</summary>
    public int Percent => Required == 0 ? 100 : (Required - Missing.Count) * 100 / Required;
}

/// <summary>
/// Evaluates the channels' completeness rules. A text field in the default locale is read from the product's own
/// column, in any other locale from its translation row. A localized attribute needs a value in the rule's locale.
/// </summary>
/// <remarks>Each call uses a context of its own, so the catalog grid can evaluate a page while other parts of the same circuit read.</remarks>
public sealed class CatalogCompletenessService(IDbContextFactory<HubDbContext> contexts, IOptions<CatalogOptions> options) : ICatalogCompleteness
{
    public async Task<bool> IsCompleteAsync(Guid productId, Guid channelId, CancellationToken cancellationToken)
    {
        var reports = await EvaluateAsync([productId], channelId, cancellationToken);
        return reports.TryGetValue(productId, out var list) && list.All(r => r.IsComplete);
    }

    /// <summary>
    /// Returns the reports of each product for every channel with a rule, or only for <paramref name="channelId"/>.
    /// A product that does not exist gets no entry.
    /// </summary>
    public async Task<Dictionary<Guid, List<CompletenessReport>>> EvaluateAsync(
        IReadOnlyCollection<Guid> productIds,
        Guid? channelId,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = productIds.ToList();
        var rules = await (
                from rule in db.CompletenessRules.AsNoTracking()
                join channel in db.Channels on rule.ChannelId equals channel.Id
                where channelId == null || rule.ChannelId == channelId
                orderby channel.Name
                select new { Rule = rule, channel.Name })
            .ToListAsync(cancellationToken);
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        var translations = await db.CatalogTranslations.AsNoTracking()
            .Where(t => t.EntityKind == TranslatedEntity.Product && ids.Contains(t.EntityId))
            .ToListAsync(cancellationToken);
        var values = await (
                from value in db.AttributeValues.AsNoTracking()
                join attribute in db.CatalogAttributes on value.AttributeId equals attribute.Id
                where ids.Contains(value.ProductId) && value.VariantId == null
                select new { value.ProductId, attribute.Code, attribute.IsLocalized, value.Locale, value.Value })
            .ToListAsync(cancellationToken);
        var defaultLocale = options.Value.AllLocales()[0];

        var result = new Dictionary<Guid, List<CompletenessReport>>();
        foreach (var product in products)
        {
            var reports = new List<CompletenessReport>();
            foreach (var (rule, name) in rules.Select(r => (r.Rule, r.Name)))
            {
                var locale = rule.Locale.ToLowerInvariant();
                var missing = new List<MissingItem>();
                foreach (var field in rule.RequiredFields)
                {
                    var text = locale == defaultLocale
                        ? OwnText(product, field)
                        : translations.FirstOrDefault(t => t.EntityId == product.Id && t.Locale == locale && t.Field == field)?.Value;
                    if (string.IsNullOrWhiteSpace(text))
                    {
                        missing.Add(new MissingItem(CompletenessItemKind.Text, field));
                    }
                }

                foreach (var code in rule.RequiredAttributes)
                {
                    var present = values.Any(v => v.ProductId == product.Id && v.Code == code
                        && (!v.IsLocalized || v.Locale == locale) && !string.IsNullOrWhiteSpace(v.Value));
                    if (!present)
                    {
                        missing.Add(new MissingItem(CompletenessItemKind.Attribute, code));
                    }
                }

                reports.Add(new CompletenessReport(
                    rule.ChannelId,
                    name,
                    locale,
                    rule.RequiredFields.Count + rule.RequiredAttributes.Count,
                    missing));
            }

            result[product.Id] = reports;
        }

        return result;
    }

    private static string? OwnText(Product product, string field) => field switch
    {
        TranslatedFields.Title => product.Title,
        TranslatedFields.DescriptionHtml => product.DescriptionHtml,
        TranslatedFields.SeoTitle => product.SeoTitle,
        TranslatedFields.SeoDescription => product.SeoDescription,
        TranslatedFields.ProductType => product.ProductType,
        TranslatedFields.Handle => product.Handle,
        TranslatedFields.Option1Name => product.Option1Name,
        TranslatedFields.Option2Name => product.Option2Name,
        TranslatedFields.Option3Name => product.Option3Name,
        _ => null,
    };
}
