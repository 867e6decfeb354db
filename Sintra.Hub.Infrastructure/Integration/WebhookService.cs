using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Integration;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Infrastructure.Integration;

/// <summary>Manages webhook subscriptions and their delivery log, for the admin pages and the API.</summary>
public sealed class WebhookService(
    IDbContextFactory<HubDbContext> contexts,
    WebhookUrlPolicy urlPolicy,
    WebhookSecretProtector secrets,
    TimeProvider clock)
{
    public const int MaxPageSize = 100;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Stores a subscription with a new secret and returns the secret once, or the validation errors.</summary>
    public async Task<WebhookChange> CreateAsync(
        string? url,
        IReadOnlyCollection<string> events,
        CancellationToken cancellationToken)
    {
        var errors = Validate(url, events);
        if (errors.Count > 0)
        {
            return new WebhookChange(null, null, errors);
        }

        var secret = WebhookSignature.NewSecret();
        var subscription = new WebhookSubscription
        {
            Url = url!.Trim(),
            Events = JoinEvents(events),
            ProtectedSecret = secrets.Protect(secret),
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return new WebhookChange(subscription, secret, []);
    }

    /// <summary>Changes URL, events and the enabled switch; returns null when the subscription does not exist.</summary>
    public async Task<WebhookChange?> UpdateAsync(
        Guid id,
        string? url,
        IReadOnlyCollection<string> events,
        bool enabled,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var subscription = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subscription is null)
        {
            return null;
        }

        var errors = Validate(url, events);
        if (errors.Count > 0)
        {
            return new WebhookChange(subscription, null, errors);
        }

        subscription.Url = url!.Trim();
        subscription.Events = JoinEvents(events);
        if (enabled && !subscription.IsEnabled)
        {
            subscription.DisabledReason = null;
        }

        subscription.IsEnabled = enabled;
        subscription.UpdatedAt = Now;
        await db.SaveChangesAsync(cancellationToken);
        return new WebhookChange(subscription, null, []);
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.WebhookSubscriptions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<WebhookSubscription>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken);
    }

    public async Task<WebhookSubscription?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
    }

    /// <summary>Returns one page of a subscription's deliveries, newest first, and the total count.</summary>
    public async Task<(IReadOnlyList<WebhookDelivery> Rows, int Total)> ListDeliveriesAsync(
        Guid subscriptionId,
        int page,
        int pageSize,
        CancellationToken cancellationToken)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == subscriptionId);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Skip(Math.Max(0, page) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (rows, total);
    }

    /// <summary>
    /// Sends a delivery again with the same delivery id and body, through a new outbox row. Returns false when the
    /// delivery does not exist.
    /// </summary>
    public async Task<bool> RedeliverAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == deliveryId, cancellationToken);
        if (delivery is null)
        {
            return false;
        }

        delivery.Status = WebhookDeliveryStatus.Pending;
        db.OutboxMessages.Add(NewDeliveryRow(delivery.Id, Now));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Returns an outbox row that sends the delivery.</summary>
    public static OutboxMessage NewDeliveryRow(Guid deliveryId, DateTime now) => new()
    {
        Topic = IntegrationTopics.WebhookDelivery,
        EntityId = deliveryId,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    private List<string> Validate(string? url, IReadOnlyCollection<string> events)
    {
        var errors = new List<string>();
        if (urlPolicy.Check(url) is { } urlError)
        {
            errors.Add(urlError);
        }
        else if (url!.Trim().Length > 2000)
        {
            errors.Add($"The URL has {url.Trim().Length} characters; shorten it to 2000 or fewer.");
        }

        if (events.Count == 0)
        {
            errors.Add($"No event is selected; select at least one of: {string.Join(", ", WebhookEvents.All)}.");
        }

        foreach (var name in events.Where(e => !WebhookEvents.All.Contains(e)))
        {
            errors.Add($"The event '{name}' is unknown; use one of: {string.Join(", ", WebhookEvents.All)}.");
        }

        return errors;
    }

    private static string JoinEvents(IReadOnlyCollection<string> events) =>
        string.Join(' ', WebhookEvents.All.Where(events.Contains));
}

/// <summary>The subscription after a change, the new secret when one was created, or the validation errors.</summary>
public sealed record WebhookChange(WebhookSubscription? Subscription, string? Secret, IReadOnlyList<string> Errors);

/// <summary>Encrypts webhook signing secrets with Data Protection, whose keys live in the hub's data folder.</summary>
public sealed class WebhookSecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("Sintra.Hub.WebhookSecrets.v1");

    public string Protect(string secret) => protector.Protect(secret);

    public string Unprotect(string protectedSecret) => protector.Unprotect(protectedSecret);
}
