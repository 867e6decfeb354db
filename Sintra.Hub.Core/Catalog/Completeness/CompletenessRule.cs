using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Catalog.Completeness;

/// <summary>What a channel requires before a product counts as complete, in the channel's locale.</summary>
public class CompletenessRule : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ChannelId { get; set; }

    /// <summary>The channel's catalog locale, such as <c>it</c> or <c>en</c>.</summary>
    public required string Locale { get; set; }

    /// <summary>Codes of the required attributes.</summary>
    public List<string> RequiredAttributes { get; set; } = [];

    /// <summary>Required text fields, from <see cref="Translations.TranslatedFields"/>.</summary>
    public List<string> RequiredFields { get; set; } = [];

    public long Version { get; set; }
}
