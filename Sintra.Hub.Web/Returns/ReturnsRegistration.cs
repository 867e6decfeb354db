using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Core.Returns;
using Sintra.Hub.Infrastructure.Email;
using Sintra.Hub.Infrastructure.Outbox;
using Sintra.Hub.Web.Configuration;
using Sintra.Hub.Web.Identity;

namespace Sintra.Hub.Web.Returns;

/// <summary>Returns (public page, staff pages, stock and channel updates) and every customer e-mail.</summary>
public static class ReturnsRegistration
{
    public const string PageRoles = Identity.PageRoles.Orders;

    /// <summary>Receiving parcels is warehouse work too.</summary>
    public const string ReceiveRoles = Identity.PageRoles.Orders + "," + Core.Identity.HubRoles.Warehouse;

    public static void AddReturns(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ReturnsOptions>().Bind(builder.Configuration.GetSection(ReturnsOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EmailOptions>().Bind(builder.Configuration.GetSection(EmailOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();

        // Relative folders live under the hub's data folder.
        services.AddOptions<ReturnsOptions>().PostConfigure<IOptions<HubOptions>, IHostEnvironment>((options, hub, environment) =>
            options.PhotoFolder = Path.GetFullPath(options.PhotoFolder, DataFolder(hub.Value, environment)));
        services.AddOptions<EmailOptions>().PostConfigure<IOptions<HubOptions>, IHostEnvironment>((options, hub, environment) =>
            options.PickupFolder = Path.GetFullPath(options.PickupFolder, DataFolder(hub.Value, environment)));

        services.AddScoped<ReturnService>();
        services.AddSingleton<PortalToken>();
        services.AddSingleton<ReturnPhotoStore>();
        services.AddSingleton<ChannelLookupLimiter>();
        services.AddScoped<ReturnsPortalPage>();
        services.AddScoped<ReturnsPortalSubmission>();
        services.AddSingleton<CustomerMailer>();
        services.AddOutboxHandler<ReturnEmailHandler>(ReturnOutboxTopics.RequestedEmail);
        services.AddOutboxHandler<ReturnEmailHandler>(ReturnOutboxTopics.ApprovedEmail);
        services.AddOutboxHandler<ReturnEmailHandler>(ReturnOutboxTopics.RejectedEmail);
        services.AddOutboxHandler<ShipmentEmailHandler>(OutboxTopics.ShipmentEmail);

        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(ReturnsPortalEndpoints.IpLimiterPolicy, context =>
            {
                var perMinute = context.RequestServices.GetRequiredService<IOptions<ReturnsOptions>>().Value.LookupsPerIpPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            // The integration API answers its own rejections with problem details, so this page only takes its own.
            var otherAreas = limiter.OnRejected;
            limiter.OnRejected = (context, cancellationToken) =>
                context.HttpContext.Request.Path.StartsWithSegments("/returns", StringComparison.Ordinal)
                    ? WriteTooManyRequestsAsync(context, cancellationToken)
                    : otherAreas?.Invoke(context, cancellationToken) ?? ValueTask.CompletedTask;
        });
    }

    public static void UseReturns(this WebApplication app)
    {
        app.UseFramingPolicy();
    }

    public static void MapReturns(this WebApplication app)
    {
        app.MapReturnsPortal();
        app.MapGet("/returns-photos/{photoId:guid}", ShowPhotoAsync).RequireAuthorization(policy => policy.RequireRole(ReceiveRoles.Split(',')));
    }

    private static async Task<IResult> ShowPhotoAsync(Guid photoId, HubDbContext db, ReturnPhotoStore store, CancellationToken cancellationToken)
    {
        var photo = await db.Set<ReturnPhoto>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == photoId, cancellationToken);
        var stream = photo is null ? null : store.Open(photo);
        return stream is null ? Results.NotFound() : Results.File(stream, photo!.ContentType);
    }

    /// <summary>Answers a rate-limited look-up with the friendly page, framed like the page it replaces.</summary>
    private static async ValueTask WriteTooManyRequestsAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var db = context.RequestServices.GetRequiredService<HubDbContext>();
        var slug = context.GetRouteValue("channel")?.ToString()?.ToLowerInvariant() ?? string.Empty;
        var settings = await db.Set<ChannelReturnSettings>().AsNoTracking()
            .SingleOrDefaultAsync(s => s.Slug == slug, cancellationToken);
        var page = context.RequestServices.GetRequiredService<ReturnsPortalPage>();
        if (settings is not null)
        {
            page.Begin(context, settings, ReturnsPortalEndpoints.ChooseLocale(context, settings, null));
        }

        await page.TooManyRequests().ExecuteAsync(context);
    }

    private static string DataFolder(HubOptions hub, IHostEnvironment environment) =>
        Path.GetFullPath(hub.DataFolder, environment.ContentRootPath);
}
