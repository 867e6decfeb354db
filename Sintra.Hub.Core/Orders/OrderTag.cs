namespace Sintra.Hub.Core.Orders;

/// <summary>A label staff put on an order to group and filter it, stored trimmed and in lower case.</summary>
public class OrderTag
{
    /// <summary>Longest tag accepted.</summary>
    public const int MaxLength = 40;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrderId { get; set; }

    public required string Name { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Returns the stored form of a tag, or null when it is empty or longer than <see cref="MaxLength"/>.</summary>
    public static string? Normalize(string? name)
    {
        var text = name?.Trim().ToLowerInvariant() ?? string.Empty;
        return text.Length is 0 or > MaxLength ? null : text;
    }
}

/// <summary>An internal note on an order, never shown to the customer.</summary>
public class OrderNote
{
    public const int MaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrderId { get; set; }

    /// <summary>The user who wrote the note, by e-mail.</summary>
    public required string Author { get; set; }

    public required string Text { get; set; }

    public DateTime CreatedAt { get; set; }
}
