using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Catalog.Attributes;

/// <summary>An attribute an administrator defines for products, such as material or season.</summary>
public class CatalogAttribute : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Stable key used in exports and completeness rules: lower-case letters, digits and underscores.</summary>
    public required string Code { get; set; }

    public required string LabelIt { get; set; }

    public required string LabelEn { get; set; }

    public AttributeType Type { get; set; } = AttributeType.Text;

    /// <summary>True when the attribute has one value per locale instead of one value for all locales.</summary>
    public bool IsLocalized { get; set; }

    public int Position { get; set; }

    public long Version { get; set; }

    public List<AttributeOption> Options { get; set; } = [];
}

public enum AttributeType
{
    Text,
    Number,
    YesNo,
    List,
    MultiList,
    Date,
}

/// <summary>A choice of a list or multi-list attribute.</summary>
public class AttributeOption
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid AttributeId { get; set; }

    public required string Code { get; set; }

    public required string LabelIt { get; set; }

    public required string LabelEn { get; set; }

    public int Position { get; set; }
}

/// <summary>A named group of attributes. Each product uses at most one set.</summary>
public class AttributeSet : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    public long Version { get; set; }

    public List<AttributeSetMember> Members { get; set; } = [];
}

public class AttributeSetMember
{
    public Guid AttributeSetId { get; set; }

    public Guid AttributeId { get; set; }

    public int Position { get; set; }
}

/// <summary>
/// The value of an attribute on a product, or on one of its variants when <see cref="VariantId"/> is set.
/// Values are stored as invariant text, see <see cref="AttributeValues"/> for the format of each type.
/// </summary>
public class AttributeValue : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProductId { get; set; }

    public Guid? VariantId { get; set; }

    public Guid AttributeId { get; set; }

    /// <summary>Locale of a localized attribute's value, or the empty string for an attribute that is not localized.</summary>
    public string Locale { get; set; } = "";

    public required string Value { get; set; }

    public long Version { get; set; }
}
