using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Returns;

/// <summary>Reads a channel's return settings, creating defaults the first time a channel's returns are used.</summary>
public static partial class ReturnSettingsService
{
    /// <summary>Returns the settings, untracked; null when the channel does not exist.</summary>
    public static async Task<ChannelReturnSettings?> GetOrCreateAsync(HubDbContext db, Guid channelId, CancellationToken cancellationToken)
    {
        var settings = await db.Set<ChannelReturnSettings>().AsNoTracking()
            .SingleOrDefaultAsync(s => s.ChannelId == channelId, cancellationToken);
        if (settings is not null)
        {
            return settings;
        }

        var channel = await db.Channels.AsNoTracking().SingleOrDefaultAsync(c => c.Id == channelId, cancellationToken);
        if (channel is null)
        {
            return null;
        }

        var slug = SlugOf(channel.ShopDomain);
        if (await db.Set<ChannelReturnSettings>().AnyAsync(s => s.Slug == slug, cancellationToken))
        {
            slug = $"{slug}-{channelId.ToString("N")[..8]}";
        }

        settings = new ChannelReturnSettings { ChannelId = channelId, Slug = slug, Reasons = DefaultReasons() };
        db.Add(settings);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request created them at the same moment; read theirs.
            db.ChangeTracker.Clear();
            return await db.Set<ChannelReturnSettings>().AsNoTracking()
                .SingleAsync(s => s.ChannelId == channelId, cancellationToken);
        }

        db.Entry(settings).State = EntityState.Detached;
        return settings;
    }

    /// <summary>Returns whether <paramref name="slug"/> is 2 to 64 lower-case letters, digits and inner dashes.</summary>
    public static bool IsValidSlug(string slug) => SlugPattern().IsMatch(slug);

    public static List<ReturnReason> DefaultReasons() =>
    [
        new() { Code = "size", LabelIt = "Taglia o misura sbagliata", LabelEn = "Wrong size" },
        new() { Code = "damaged", LabelIt = "Articolo danneggiato o difettoso", LabelEn = "Damaged or faulty item" },
        new() { Code = "not-as-described", LabelIt = "Diverso dalla descrizione", LabelEn = "Not as described" },
        new() { Code = "changed-mind", LabelIt = "Non mi serve più", LabelEn = "No longer needed" },
    ];

    private static string SlugOf(string shopDomain)
    {
        var name = shopDomain.Split('.')[0].ToLowerInvariant();
        var slug = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return IsValidSlug(slug) ? slug : "shop";
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])$")]
    private static partial Regex SlugPattern();
}
