using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Catalog.Attributes;
using Sintra.Hub.Core.Catalog.Completeness;
using Sintra.Hub.Core.Catalog.Pricing;
using Sintra.Hub.Core.Catalog.Suppliers;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Catalog.Editing;

/// <summary>The reference data product forms choose from, read in one go.</summary>
public sealed record CatalogReferenceData(
    IReadOnlyList<Brand> Brands,
    IReadOnlyList<CategoryNode> Categories,
    IReadOnlyList<AttributeSet> AttributeSets,
    IReadOnlyList<CatalogAttribute> Attributes,
    IReadOnlyList<PriceList> PriceLists,
    IReadOnlyList<Supplier> Suppliers);

/// <summary>A category with its full path, such as "Abbigliamento > Camicie".</summary>
public sealed record CategoryNode(Guid Id, Guid? ParentId, string Name, string Path);

/// <summary>
/// Creates, lists and deletes the catalog's reference data: attributes and sets, brands, categories, price lists,
/// suppliers and completeness rules. Each add returns an error code with the offending value, or null when saved.
/// </summary>
public sealed class CatalogSettingsService(HubDbContext db, TimeProvider clock)
{
    public async Task<CatalogReferenceData> LoadAsync(CancellationToken cancellationToken)
    {
        var categories = await db.Categories.AsNoTracking().ToListAsync(cancellationToken);
        var byId = categories.ToDictionary(c => c.Id);
        string PathOf(Category category)
        {
            var names = new List<string> { category.Name };
            var parent = category.ParentId;
            while (parent is { } id && byId.TryGetValue(id, out var node) && names.Count < 32)
            {
                names.Insert(0, node.Name);
                parent = node.ParentId;
            }

            return string.Join(" > ", names);
        }

        return new CatalogReferenceData(
            await db.Brands.AsNoTracking().OrderBy(b => b.Name).ToListAsync(cancellationToken),
            categories.Select(c => new CategoryNode(c.Id, c.ParentId, c.Name, PathOf(c)))
                .OrderBy(c => c.Path, StringComparer.CurrentCulture).ToList(),
            await db.AttributeSets.AsNoTracking().Include(s => s.Members).OrderBy(s => s.Name).ToListAsync(cancellationToken),
            await db.CatalogAttributes.AsNoTracking().Include(a => a.Options).OrderBy(a => a.Position).ThenBy(a => a.Code)
                .AsSplitQuery().ToListAsync(cancellationToken),
            await db.PriceLists.AsNoTracking().OrderBy(l => l.Name).ToListAsync(cancellationToken),
            await db.Suppliers.AsNoTracking().OrderBy(s => s.Code).ToListAsync(cancellationToken));
    }

    public async Task<EditError?> AddBrandAsync(string name, CancellationToken cancellationToken)
    {
        name = name.Trim();
        if (name.Length is 0 or > 200)
        {
            return new EditError("Name", "NameInvalid", name);
        }

        if (await db.Brands.AnyAsync(b => b.Name == name, cancellationToken))
        {
            return new EditError("Name", "NameTaken", name);
        }

        db.Brands.Add(new Brand { Name = name });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<EditError?> AddCategoryAsync(string name, Guid? parentId, CancellationToken cancellationToken)
    {
        name = name.Trim();
        if (name.Length is 0 or > 200 || name.Contains(" > ", StringComparison.Ordinal))
        {
            return new EditError("Name", "NameInvalid", name);
        }

        if (await db.Categories.AnyAsync(c => c.ParentId == parentId && c.Name == name, cancellationToken))
        {
            return new EditError("Name", "NameTaken", name);
        }

        db.Categories.Add(new Category { Name = name, ParentId = parentId });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<EditError?> AddSupplierAsync(string code, string name, CancellationToken cancellationToken)
    {
        code = code.Trim();
        name = name.Trim();
        if (!IsCode(code))
        {
            return new EditError("Code", "CodeInvalid", code);
        }

        if (name.Length is 0 or > 200)
        {
            return new EditError("Name", "NameInvalid", name);
        }

        if (await db.Suppliers.AnyAsync(s => s.Code == code, cancellationToken))
        {
            return new EditError("Code", "CodeTaken", code);
        }

        db.Suppliers.Add(new Supplier { Code = code, Name = name });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<EditError?> AddPriceListAsync(string name, string currency, Guid? channelId, CancellationToken cancellationToken)
    {
        name = name.Trim();
        currency = currency.Trim().ToUpperInvariant();
        if (name.Length is 0 or > 200)
        {
            return new EditError("Name", "NameInvalid", name);
        }

        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            return new EditError("Currency", "CurrencyInvalid", currency);
        }

        if (await db.PriceLists.AnyAsync(l => l.Name == name, cancellationToken))
        {
            return new EditError("Name", "NameTaken", name);
        }

        db.PriceLists.Add(new PriceList { Name = name, Currency = currency, ChannelId = channelId, UpdatedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Adds an attribute with its options, which only list and multi-list attributes keep.</summary>
    public async Task<EditError?> AddAttributeAsync(
        string code,
        string labelIt,
        string labelEn,
        AttributeType type,
        bool isLocalized,
        IReadOnlyList<(string Code, string LabelIt, string LabelEn)> options,
        CancellationToken cancellationToken)
    {
        code = code.Trim();
        if (!IsCode(code))
        {
            return new EditError("Code", "CodeInvalid", code);
        }

        if (string.IsNullOrWhiteSpace(labelIt) || string.IsNullOrWhiteSpace(labelEn))
        {
            return new EditError("Label", "LabelRequired", code);
        }

        if (type is AttributeType.List or AttributeType.MultiList && options.Count == 0)
        {
            return new EditError("Options", "OptionsRequired", code);
        }

        if (options.FirstOrDefault(o => !IsCode(o.Code)) is { Code: var badOption } && badOption is not null)
        {
            return new EditError("Options", "CodeInvalid", badOption);
        }

        if (await db.CatalogAttributes.AnyAsync(a => a.Code == code, cancellationToken))
        {
            return new EditError("Code", "CodeTaken", code);
        }

        var position = await db.CatalogAttributes.CountAsync(cancellationToken);
        db.CatalogAttributes.Add(new CatalogAttribute
        {
            Code = code,
            LabelIt = labelIt.Trim(),
            LabelEn = labelEn.Trim(),
            Type = type,
            IsLocalized = isLocalized,
            Position = position,
            Options = type is AttributeType.List or AttributeType.MultiList
                ? options.Select((o, i) => new AttributeOption { Code = o.Code, LabelIt = o.LabelIt, LabelEn = o.LabelEn, Position = i }).ToList()
                : [],
        });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<EditError?> AddAttributeSetAsync(string name, IReadOnlyList<Guid> attributeIds, CancellationToken cancellationToken)
    {
        name = name.Trim();
        if (name.Length is 0 or > 200)
        {
            return new EditError("Name", "NameInvalid", name);
        }

        if (await db.AttributeSets.AnyAsync(s => s.Name == name, cancellationToken))
        {
            return new EditError("Name", "NameTaken", name);
        }

        db.AttributeSets.Add(new AttributeSet
        {
            Name = name,
            Members = attributeIds.Distinct().Select((id, i) => new AttributeSetMember { AttributeId = id, Position = i }).ToList(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Deletes a brand, category, supplier, price list, attribute or set by id. Returns false when a restricting reference keeps it.</summary>
    public async Task<bool> DeleteAsync<T>(Guid id, CancellationToken cancellationToken)
        where T : class
    {
        var entity = await db.Set<T>().FindAsync([id], cancellationToken);
        if (entity is null)
        {
            return true;
        }

        db.Set<T>().Remove(entity);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // A restricting foreign key (a category with children, a supplier with entries) keeps the row.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public Task<List<CompletenessRule>> ListRulesAsync(CancellationToken cancellationToken) =>
        db.CompletenessRules.AsNoTracking().ToListAsync(cancellationToken);

    /// <summary>Creates or replaces the completeness rule of a channel.</summary>
    public async Task SaveRuleAsync(
        Guid channelId,
        string locale,
        IReadOnlyList<string> attributes,
        IReadOnlyList<string> fields,
        CancellationToken cancellationToken)
    {
        var rule = await db.CompletenessRules.FirstOrDefaultAsync(r => r.ChannelId == channelId, cancellationToken);
        if (rule is null)
        {
            rule = new CompletenessRule { ChannelId = channelId, Locale = locale };
            db.CompletenessRules.Add(rule);
        }

        rule.Locale = locale.Trim().ToLowerInvariant();
        rule.RequiredAttributes = attributes.Distinct(StringComparer.Ordinal).ToList();
        rule.RequiredFields = fields.Distinct(StringComparer.Ordinal).ToList();
        await db.SaveChangesAsync(cancellationToken);
    }

    private static bool IsCode(string code) =>
        code.Length is > 0 and <= 64 && code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_' || c == '-');
}
