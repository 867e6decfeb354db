using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Core.Returns;
using Sintra.Hub.Web.Resources;

namespace Sintra.Hub.Web.Returns;

/// <summary>
/// The public returns page, built for shops' iframes: plain HTML forms, no cookie and no antiforgery token, the found
/// order carried in a <see cref="PortalToken"/>, and framing allowed only for the channel's origins.
/// </summary>
public static class ReturnsPortalEndpoints
{
    public const string IpLimiterPolicy = "returns-lookup-ip";

    public static void MapReturnsPortal(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/returns/{channel}").AllowAnonymous().DisableAntiforgery();
        group.MapGet("/", ShowLookupAsync);
        group.MapPost("/lookup", LookupAsync).RequireRateLimiting(IpLimiterPolicy);
        group.MapPost("/submit", SubmitAsync);
    }

    private static async Task<IResult> ShowLookupAsync(string channel, HttpContext context, HubDbContext db, ReturnsPortalPage page)
    {
        var settings = await FindSettingsAsync(db, channel, context.RequestAborted);
        if (settings is null)
        {
            return page.NotFound(context);
        }

        page.Begin(context, settings, ChooseLocale(context, settings, null));
        return page.Lookup(settings, null);
    }

    private static async Task<IResult> LookupAsync(
        string channel,
        HttpContext context,
        HubDbContext db,
        ReturnsPortalPage page,
        ChannelLookupLimiter channelLimiter)
    {
        var settings = await FindSettingsAsync(db, channel, context.RequestAborted);
        if (settings is null)
        {
            return page.NotFound(context);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        page.Begin(context, settings, ChooseLocale(context, settings, form["locale"]));
        using var lease = channelLimiter.Acquire(settings.ChannelId);
        if (!lease.IsAcquired)
        {
            return page.TooManyRequests();
        }

        var order = await FindOrderAsync(db, settings.ChannelId, form["order"], form["contact"], context.RequestAborted);
        if (order is null)
        {
            // The same page for an unknown order and a wrong e-mail or postcode, so the page reveals no order numbers.
            return page.Lookup(settings, page.Text["Lookup.NotFound"]);
        }

        return await page.LinesAsync(db, settings, order, null, context.RequestAborted);
    }

    private static async Task<IResult> SubmitAsync(
        string channel,
        HttpContext context,
        HubDbContext db,
        ReturnsPortalPage page,
        ReturnsPortalSubmission submission)
    {
        var settings = await FindSettingsAsync(db, channel, context.RequestAborted);
        if (settings is null)
        {
            return page.NotFound(context);
        }

        var options = submission.Options;
        if (context.Request.ContentLength > (options.MaxPhotos * options.MaxPhotoBytes) + 1_000_000)
        {
            page.Begin(context, settings, settings.DefaultLocale);
            return page.Lookup(settings, page.Text["Error.TooLarge"]);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var state = submission.Token.Unprotect(form["token"]);
        if (state is null || state.ChannelId != settings.ChannelId)
        {
            page.Begin(context, settings, ChooseLocale(context, settings, form["locale"]));
            return page.Lookup(settings, page.Text["Error.Expired"]);
        }

        page.Begin(context, settings, state.Locale);
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines)
            .SingleAsync(o => o.Id == state.OrderId, context.RequestAborted);
        var outcome = await submission.SubmitAsync(form, order, state, context.RequestAborted);
        return outcome.Error is not null
            ? await page.LinesAsync(db, settings, order, outcome.Error, context.RequestAborted)
            : page.Done(settings, outcome.Return!);
    }

    /// <summary>Finds the settings by slug, or by channel id for a channel that has none yet.</summary>
    private static async Task<ChannelReturnSettings?> FindSettingsAsync(HubDbContext db, string channel, CancellationToken cancellationToken)
    {
        var slug = channel.ToLowerInvariant();
        var settings = await db.Set<ChannelReturnSettings>().AsNoTracking()
            .SingleOrDefaultAsync(s => s.Slug == slug, cancellationToken);
        if (settings is null && Guid.TryParse(channel, out var channelId))
        {
            settings = await ReturnSettingsService.GetOrCreateAsync(db, channelId, cancellationToken);
        }

        return settings is { Enabled: true } ? settings : null;
    }

    private static async Task<Order?> FindOrderAsync(
        HubDbContext db,
        Guid channelId,
        string? orderNumber,
        string? contact,
        CancellationToken cancellationToken)
    {
        var number = orderNumber?.Trim().TrimStart('#') ?? string.Empty;
        var contactValue = contact?.Trim() ?? string.Empty;
        if (number.Length is 0 or > 32 || contactValue.Length is 0 or > 320)
        {
            return null;
        }

        long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric);
        var names = new[] { number, "#" + number };
        var candidates = await db.Orders.AsNoTracking().Include(o => o.Lines)
            .Where(o => o.ChannelId == channelId && (names.Contains(o.Name) || o.OrderNumber == numeric))
            .ToListAsync(cancellationToken);
        return candidates.FirstOrDefault(o => Matches(o, contactValue));
    }

    private static bool Matches(Order order, string contact)
    {
        if (contact.Contains('@'))
        {
            return string.Equals(order.Email?.Trim(), contact, StringComparison.OrdinalIgnoreCase);
        }

        static string Compact(string? value) => new((value ?? string.Empty).Where(char.IsLetterOrDigit).ToArray());
        var postcode = Compact(order.ShippingAddress.Zip);
        return postcode.Length > 0 && string.Equals(postcode, Compact(contact), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Chooses <c>it</c> or <c>en</c>: the shop's <c>locale</c> parameter, then Accept-Language, then the channel.</summary>
    public static string ChooseLocale(HttpContext context, ChannelReturnSettings settings, string? formLocale)
    {
        var requested = formLocale ?? context.Request.Query["locale"].ToString();
        if (Supported(requested) is { } fromShop)
        {
            return fromShop;
        }

        var accepted = context.Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => Supported(l.Value.Value))
            .FirstOrDefault(l => l is not null);
        return accepted ?? (settings.DefaultLocale == "en" ? "en" : "it");
    }

    private static string? Supported(string? tag)
    {
        var language = tag?.Split('-', '_')[0].ToLowerInvariant();
        return language is "it" or "en" ? language : null;
    }
}

/// <summary>Limits order look-ups per channel, across all visitors, so that a spread-out guess is slowed too.</summary>
public sealed class ChannelLookupLimiter(IOptions<ReturnsOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<Guid> limiter = PartitionedRateLimiter.Create<Guid, Guid>(
        channelId => RateLimitPartition.GetFixedWindowLimiter(channelId, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.LookupsPerChannelPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public RateLimitLease Acquire(Guid channelId) => limiter.AttemptAcquire(channelId);

    public void Dispose() => limiter.Dispose();
}
