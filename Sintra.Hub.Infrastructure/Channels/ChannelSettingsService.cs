using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Infrastructure.Channels;

/// <summary>
/// A stored webhook secret as the UI may show it: the mask with its last four characters, or a flag that it
/// cannot be decrypted (the Data Protection keys that encrypted it are gone).
/// </summary>
public sealed record SecretDisplay(bool IsSet, string Masked, bool IsUnreadable)
{
    public static SecretDisplay None { get; } = new(false, string.Empty, false);
}

/// <summary>A channel row of the channel list, with its secrets masked.</summary>
public sealed record ChannelRow(
    Guid Id,
    string Name,
    ChannelKind Kind,
    string ShopDomain,
    string? OrderWarehouseCode,
    string TimeZone,
    string Currency,
    bool IsActive,
    long Version,
    SecretDisplay Secret,
    SecretDisplay PreviousSecret);

/// <summary>
/// Creates and edits sales channels and manages their webhook secrets. Secrets are stored encrypted with
/// <see cref="ChannelSecretProtector"/> and leave this service only masked.
/// </summary>
public sealed partial class ChannelSettingsService(
    IDbContextFactory<HubDbContext> contextFactory,
    ChannelSecretProtector protector,
    ILogger<ChannelSettingsService> logger)
{
    /// <summary>Reads every channel ordered by name, with its order warehouse code and masked secrets.</summary>
    public Task<IReadOnlyList<ChannelRow>> ListAsync(CancellationToken cancellationToken) =>
        ReadRowsAsync(null, cancellationToken);

    /// <summary>Reads one channel row, or returns null when it does not exist.</summary>
    public async Task<ChannelRow?> GetRowAsync(Guid id, CancellationToken cancellationToken) =>
        (await ReadRowsAsync(id, cancellationToken)).SingleOrDefault();

    /// <summary>Reads a channel as form input with its version, or returns null when it does not exist.</summary>
    public async Task<(ChannelInput Input, long Version)?> GetInputAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var channel = await db.Channels.AsNoTracking().Include(c => c.StockSources)
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return channel is null ? null : (ChannelRules.ToInput(channel), channel.Version);
    }

    /// <summary>
    /// Creates a channel when <paramref name="id"/> is null, otherwise updates it if its version still equals
    /// <paramref name="expectedVersion"/>.
    /// </summary>
    public async Task<SaveResult> SaveAsync(
        Guid? id,
        long expectedVersion,
        ChannelInput input,
        CancellationToken cancellationToken)
    {
        var errors = ChannelRules.Validate(input);
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var domain = ChannelRules.NormalizeShopDomain(input.ShopDomain);
        if (await IsDomainTakenAsync(db, domain, id, cancellationToken))
        {
            errors.Add(new FieldError(nameof(ChannelInput.ShopDomain), ChannelRules.Errors.ShopDomainTaken));
        }

        SalesChannel? channel = null;
        if (id is not null)
        {
            channel = await db.Channels.Include(c => c.StockSources)
                .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (channel is null)
            {
                return SaveResult.NotFound;
            }
        }

        await ValidateWarehouseAsync(
            db, input.OrderWarehouseId!.Value, channel?.OrderWarehouseId, errors, cancellationToken);
        await ValidateSourcesAsync(db, input.StockSourceIds, channel, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        if (channel is null)
        {
            channel = new SalesChannel { Name = string.Empty, ShopDomain = domain };
            db.Channels.Add(channel);
        }
        else
        {
            ExpectVersion(db, channel, expectedVersion);
        }

        ChannelRules.Apply(input, channel);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Conflict;
        }
        catch (DbUpdateException)
        {
            // A concurrent save may have taken the domain after the check above. Any other failure is a bug.
            if (!await IsDomainTakenAsync(db, domain, channel.Id, CancellationToken.None))
            {
                throw;
            }

            return SaveResult.Invalid(
                [new FieldError(nameof(ChannelInput.ShopDomain), ChannelRules.Errors.ShopDomainTaken)]);
        }

        return SaveResult.Saved(channel.Id, channel.Version);
    }

    private async Task<IReadOnlyList<ChannelRow>> ReadRowsAsync(Guid? id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Channels.AsNoTracking();
        if (id is not null)
        {
            query = query.Where(c => c.Id == id);
        }

        var channels = await query.OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var warehouses = await db.Warehouses.AsNoTracking()
            .ToDictionaryAsync(w => w.Id, w => w.Code, cancellationToken);

        return channels
            .Select(c => new ChannelRow(
                c.Id,
                c.Name,
                c.Kind,
                c.ShopDomain,
                c.OrderWarehouseId is { } warehouseId && warehouses.TryGetValue(warehouseId, out var code) ? code : null,
                c.TimeZone,
                c.Currency,
                c.IsActive,
                c.Version,
                Display(c.Id, c.WebhookSecretProtected),
                Display(c.Id, c.PreviousWebhookSecretProtected)))
            .ToList();
    }

    private static Task<bool> IsDomainTakenAsync(HubDbContext db, string domain, Guid? exceptId, CancellationToken token) =>
        db.Channels.AsNoTracking().AnyAsync(c => c.ShopDomain == domain && c.Id != exceptId, token);

    private static async Task ValidateWarehouseAsync(
        HubDbContext db,
        Guid warehouseId,
        Guid? currentWarehouseId,
        List<FieldError> errors,
        CancellationToken cancellationToken)
    {
        var warehouse = await db.Warehouses.AsNoTracking()
            .Where(w => w.Id == warehouseId)
            .Select(w => new { w.IsActive })
            .SingleOrDefaultAsync(cancellationToken);

        // A channel may keep a warehouse that was deactivated after it was chosen, but not pick one newly.
        if (warehouse is null)
        {
            errors.Add(new FieldError(nameof(ChannelInput.OrderWarehouseId), ChannelRules.Errors.WarehouseNotFound));
        }
        else if (!warehouse.IsActive && warehouseId != currentWarehouseId)
        {
            errors.Add(new FieldError(nameof(ChannelInput.OrderWarehouseId), ChannelRules.Errors.WarehouseInactive));
        }
    }

    private static async Task ValidateSourcesAsync(
        HubDbContext db,
        IReadOnlyCollection<Guid> sourceIds,
        SalesChannel? channel,
        List<FieldError> errors,
        CancellationToken cancellationToken)
    {
        var found = await db.Warehouses.AsNoTracking()
            .Where(w => sourceIds.Contains(w.Id))
            .ToDictionaryAsync(w => w.Id, w => w.IsActive, cancellationToken);
        var current = channel?.StockSources.Select(s => s.WarehouseId).ToHashSet() ?? [];

        // As with the order warehouse, a source deactivated after it was chosen may stay but not be added anew.
        if (sourceIds.Any(id => !found.ContainsKey(id)))
        {
            errors.Add(new FieldError(nameof(ChannelInput.StockSourceIds), ChannelRules.Errors.WarehouseNotFound));
        }
        else if (sourceIds.Any(id => !found[id] && !current.Contains(id)))
        {
            errors.Add(new FieldError(nameof(ChannelInput.StockSourceIds), ChannelRules.Errors.WarehouseInactive));
        }
    }

    /// <summary>
    /// Makes the UPDATE compare the version the form was loaded with, and marks the row modified even when no
    /// column of its own changed (owned fiscal attributes or nothing at all), so a stale form is still rejected.
    /// </summary>
    private static void ExpectVersion(HubDbContext db, SalesChannel channel, long expectedVersion)
    {
        db.Entry(channel).Property(c => c.Version).OriginalValue = expectedVersion;
        db.Entry(channel).State = EntityState.Modified;
    }

    private SecretDisplay Display(Guid channelId, string? protectedSecret)
    {
        if (string.IsNullOrEmpty(protectedSecret))
        {
            return SecretDisplay.None;
        }

        try
        {
            return new SecretDisplay(true, ChannelSecretProtector.Mask(protector.Unprotect(protectedSecret)), false);
        }
        catch (CryptographicException exception)
        {
            LogUnreadableSecret(channelId, exception);
            return new SecretDisplay(true, string.Empty, true);
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning,
        Message = "Webhook secret of channel {ChannelId} cannot be decrypted; set a new secret")]
    private partial void LogUnreadableSecret(Guid channelId, Exception exception);
}
