using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Infrastructure.Channels;

/// <summary>
/// Sets, rotates and clears the webhook secrets of a channel. A rotation moves the current secret to
/// <see cref="SalesChannel.PreviousWebhookSecretProtected"/>, so deliveries signed before Shopify switched are
/// still accepted until the previous secret is cleared.
/// </summary>
public sealed partial class ChannelSecretService(
    IDbContextFactory<HubDbContext> contextFactory,
    ChannelSecretProtector protector,
    ILogger<ChannelSecretService> logger)
{
    /// <summary>Replaces the current secret and leaves the previous one as it is.</summary>
    public Task<SaveResult> SetAsync(Guid channelId, long expectedVersion, string? secret, CancellationToken token) =>
        ChangeAsync(channelId, expectedVersion, secret, rotate: false, token);

    /// <summary>
    /// Makes <paramref name="secret"/> the current secret and keeps the one it replaces as the previous secret.
    /// Fails with <see cref="ChannelRules.Errors.NoCurrentSecret"/> when there is nothing to rotate.
    /// </summary>
    public Task<SaveResult> RotateAsync(Guid channelId, long expectedVersion, string? secret, CancellationToken token) =>
        ChangeAsync(channelId, expectedVersion, secret, rotate: true, token);

    /// <summary>Removes the previous secret, so deliveries signed with it are rejected from now on.</summary>
    public async Task<SaveResult> ClearPreviousAsync(Guid channelId, long expectedVersion, CancellationToken token)
    {
        await using var db = await contextFactory.CreateDbContextAsync(token);
        var channel = await db.Channels.SingleOrDefaultAsync(c => c.Id == channelId, token);
        if (channel is null)
        {
            return SaveResult.NotFound;
        }

        db.Entry(channel).Property(c => c.Version).OriginalValue = expectedVersion;
        channel.PreviousWebhookSecretProtected = null;
        db.Entry(channel).State = EntityState.Modified;
        var result = await SaveAsync(db, channel, token);
        if (result.Outcome == SaveOutcome.Saved)
        {
            LogPreviousCleared(channelId);
        }

        return result;
    }

    private async Task<SaveResult> ChangeAsync(
        Guid channelId,
        long expectedVersion,
        string? secret,
        bool rotate,
        CancellationToken token)
    {
        var errors = ChannelRules.ValidateSecret(secret);
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        await using var db = await contextFactory.CreateDbContextAsync(token);
        var channel = await db.Channels.SingleOrDefaultAsync(c => c.Id == channelId, token);
        if (channel is null)
        {
            return SaveResult.NotFound;
        }

        var current = ReadCurrent(channel);
        if (rotate && current is null)
        {
            return SaveResult.Invalid([new FieldError(ChannelRules.SecretField, ChannelRules.Errors.NoCurrentSecret)]);
        }

        if (string.Equals(current, secret, StringComparison.Ordinal))
        {
            return SaveResult.Invalid([new FieldError(ChannelRules.SecretField, ChannelRules.Errors.SecretUnchanged)]);
        }

        db.Entry(channel).Property(c => c.Version).OriginalValue = expectedVersion;
        if (rotate)
        {
            channel.PreviousWebhookSecretProtected = channel.WebhookSecretProtected;
        }

        channel.WebhookSecretProtected = protector.Protect(secret!);
        var result = await SaveAsync(db, channel, token);
        if (result.Outcome == SaveOutcome.Saved)
        {
            LogSecretChanged(channelId, rotate);
        }

        return result;
    }

    /// <summary>
    /// Decrypts the current secret. One that cannot be decrypted counts as missing, because it can be replaced
    /// but is of no use as a previous secret.
    /// </summary>
    private string? ReadCurrent(SalesChannel channel)
    {
        try
        {
            return protector.Unprotect(channel.WebhookSecretProtected);
        }
        catch (CryptographicException exception)
        {
            LogUnreadableSecret(channel.Id, exception);
            return null;
        }
    }

    private static async Task<SaveResult> SaveAsync(HubDbContext db, SalesChannel channel, CancellationToken token)
    {
        try
        {
            await db.SaveChangesAsync(token);
            return SaveResult.Saved(channel.Id, channel.Version);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Conflict;
        }
    }

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information,
        Message = "Webhook secret of channel {ChannelId} changed (rotated: {Rotated})")]
    private partial void LogSecretChanged(Guid channelId, bool rotated);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning,
        Message = "Current webhook secret of channel {ChannelId} cannot be decrypted; it will be replaced")]
    private partial void LogUnreadableSecret(Guid channelId, Exception exception);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Information,
        Message = "Previous webhook secret of channel {ChannelId} cleared")]
    private partial void LogPreviousCleared(Guid channelId);
}
