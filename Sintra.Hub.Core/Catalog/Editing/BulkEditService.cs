using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sintra.Hub.Core.Catalog.Attributes;
using Sintra.Hub.Core.Catalog.Versions;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Catalog.Editing;

public enum BulkAction
{
    SetStatus,
    SetBrand,
    SetCategory,
    SetAttribute,
    AddTag,
    RemoveTag,
    ChangePrice,
}

/// <summary>
/// One change applied to every selected product. Only the members the action needs are read: <see cref="Status"/>
/// for SetStatus, <see cref="TargetId"/> for brand, category and attribute (null clears brand or category),
/// <see cref="Text"/> for tags and attribute values, <see cref="Locale"/> for localized attributes, and
/// <see cref="PriceListId"/> with <see cref="Amount"/> or <see cref="Percent"/> for price changes.
/// </summary>
public sealed record BulkEdit(BulkAction Action)
{
    public ProductStatus Status { get; init; }

    public Guid? TargetId { get; init; }

    public string? Text { get; init; }

    public string Locale { get; init; } = "";

    /// <summary>The price list to change, or null for the variants' own prices.</summary>
    public Guid? PriceListId { get; init; }

    /// <summary>Amount added to each price, negative to lower it.</summary>
    public decimal? Amount { get; init; }

    /// <summary>Percentage added to each price, such as 10 for +10 % or -15 for a 15 % discount.</summary>
    public decimal? Percent { get; init; }
}

/// <summary>Result of a bulk edit: how many products changed, or the reason nothing was written.</summary>
public sealed record BulkEditResult(int Changed, string? ErrorCode, params object[] Arguments);

/// <summary>Applies one change to many products in one transaction, writing a version for each changed product.</summary>
public sealed partial class BulkEditService(
    HubDbContext db,
    IProductVersioning versioning,
    TimeProvider clock,
    ILogger<BulkEditService> logger)
{
    /// <summary>
    /// Rounds a changed price to 2 decimals with halves away from zero, so 10.005 becomes 10.01 and a price
    /// never drops below zero.
    /// </summary>
    public static decimal ChangePrice(decimal price, decimal? amount, decimal? percent)
    {
        var changed = price + (amount ?? 0m) + (price * (percent ?? 0m) / 100m);
        return Math.Max(0m, Math.Round(changed, 2, MidpointRounding.AwayFromZero));
    }

    public async Task<BulkEditResult> ApplyAsync(
        IReadOnlyCollection<Guid> productIds,
        BulkEdit edit,
        VersionSource source,
        CancellationToken cancellationToken)
    {
        if (productIds.Count == 0)
        {
            return new BulkEditResult(0, "NothingSelected");
        }

        CatalogAttribute? attribute = null;
        string? attributeValue = null;
        if (edit.Action == BulkAction.SetAttribute)
        {
            attribute = await db.CatalogAttributes.Include(a => a.Options)
                .FirstOrDefaultAsync(a => a.Id == edit.TargetId, cancellationToken);
            if (attribute is null)
            {
                return new BulkEditResult(0, "AttributeMissing");
            }

            var (value, error) = AttributeValues.Normalize(attribute, edit.Text);
            if (error is not null)
            {
                return new BulkEditResult(0, "AttributeInvalid", attribute.Code, edit.Text ?? "");
            }

            attributeValue = value;
        }

        if (edit.Action is BulkAction.AddTag or BulkAction.RemoveTag && string.IsNullOrWhiteSpace(edit.Text))
        {
            return new BulkEditResult(0, "TagMissing");
        }

        if (edit.Action == BulkAction.ChangePrice && edit.Amount is null && edit.Percent is null)
        {
            return new BulkEditResult(0, "PriceChangeMissing");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = productIds.ToList();
        var products = await db.Products.Include(p => p.Variants).Where(p => ids.Contains(p.Id)).AsSplitQuery()
            .ToListAsync(cancellationToken);
        foreach (var product in products)
        {
            await ApplyToAsync(product, edit, attribute, attributeValue, cancellationToken);
            product.UpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        var changed = 0;
        foreach (var product in products)
        {
            changed += await versioning.CaptureAsync(product.Id, source, cancellationToken) is null ? 0 : 1;
        }

        await transaction.CommitAsync(cancellationToken);

        // A page keeps its context for the whole circuit, so a row left tracked would hide a later change by someone else.
        db.ChangeTracker.Clear();
        LogApplied(logger, edit.Action, products.Count, changed);
        return new BulkEditResult(changed, null);
    }

    private async Task ApplyToAsync(
        Product product,
        BulkEdit edit,
        CatalogAttribute? attribute,
        string? attributeValue,
        CancellationToken cancellationToken)
    {
        switch (edit.Action)
        {
            case BulkAction.SetStatus:
                product.Status = edit.Status;
                break;
            case BulkAction.SetBrand:
                product.BrandId = edit.TargetId;
                break;
            case BulkAction.SetCategory:
                product.CategoryId = edit.TargetId;
                break;
            case BulkAction.AddTag:
                product.Tags = Tags.Add(product.Tags, edit.Text!);
                break;
            case BulkAction.RemoveTag:
                product.Tags = Tags.Remove(product.Tags, edit.Text!);
                break;
            case BulkAction.SetAttribute:
                await SetAttributeAsync(product, attribute!, edit.Locale, attributeValue, cancellationToken);
                break;
            case BulkAction.ChangePrice:
                await ChangePricesAsync(product, edit, cancellationToken);
                break;
        }
    }

    private async Task SetAttributeAsync(
        Product product,
        CatalogAttribute attribute,
        string locale,
        string? value,
        CancellationToken cancellationToken)
    {
        var key = attribute.IsLocalized ? locale : "";
        var row = await db.AttributeValues.FirstOrDefaultAsync(
            v => v.ProductId == product.Id && v.VariantId == null && v.AttributeId == attribute.Id && v.Locale == key,
            cancellationToken);
        if (value is null)
        {
            if (row is not null)
            {
                db.AttributeValues.Remove(row);
            }
        }
        else if (row is null)
        {
            db.AttributeValues.Add(new AttributeValue { ProductId = product.Id, AttributeId = attribute.Id, Locale = key, Value = value });
        }
        else
        {
            row.Value = value;
        }
    }

    private async Task ChangePricesAsync(Product product, BulkEdit edit, CancellationToken cancellationToken)
    {
        if (edit.PriceListId is null)
        {
            foreach (var variant in product.Variants)
            {
                variant.Price = ChangePrice(variant.Price, edit.Amount, edit.Percent);
            }

            return;
        }

        var variantIds = product.Variants.Select(v => v.Id).ToList();
        var entries = await db.PriceListEntries
            .Where(e => e.PriceListId == edit.PriceListId && variantIds.Contains(e.VariantId))
            .ToListAsync(cancellationToken);
        foreach (var entry in entries)
        {
            entry.Price = ChangePrice(entry.Price, edit.Amount, edit.Percent);
        }
    }

    [LoggerMessage(1311, LogLevel.Information, "Bulk edit {Action} applied to {ProductCount} products, {ChangedCount} changed")]
    private static partial void LogApplied(ILogger logger, BulkAction action, int productCount, int changedCount);
}

/// <summary>Edits Shopify's comma-separated tag lists, comparing tags without regard to case as Shopify does.</summary>
public static class Tags
{
    public static string Add(string? tags, string tag)
    {
        var list = Split(tags);
        if (!list.Contains(tag.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            list.Add(tag.Trim());
        }

        return string.Join(", ", list);
    }

    public static string? Remove(string? tags, string tag)
    {
        var list = Split(tags).Where(t => !string.Equals(t, tag.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        return list.Count == 0 ? null : string.Join(", ", list);
    }

    private static List<string> Split(string? tags) =>
        (tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
