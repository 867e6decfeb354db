using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Channels;
using Sintra.Hub.Infrastructure.Persistence;

namespace Sintra.Hub.Tests.Admin;

public sealed class ChannelServicesTests
{
    private const string FirstSecret = "whsec-first-0123456789abcdefWXYZ";
    private const string SecondSecret = "whsec-second-0123456789abcdefQRST";

    private readonly ChannelSecretProtector protector = new(new EphemeralDataProtectionProvider());

    [Fact]
    public async Task SaveCreatesNormalizedChannel()
    {
        await using var data = await AdminData.CreateAsync();
        var warehouse = await data.AddWarehouseAsync("MIL");
        var input = ChannelRulesTests.ValidInput(warehouse.Id) with
        {
            ShopDomain = "https://Bottega-Sintra.myshopify.com/",
            Currency = "eur",
            PecAttribute = " pec_cliente ",
        };

        var result = await Settings(data).SaveAsync(null, 0, input, CancellationToken.None);

        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        await using var db = data.CreateDbContext();
        var stored = await db.Channels.SingleAsync();
        Assert.Equal("bottega-sintra.myshopify.com", stored.ShopDomain);
        Assert.Equal("EUR", stored.Currency);
        Assert.Equal("pec_cliente", stored.FiscalAttributes.Pec);
        Assert.Equal(warehouse.Id, stored.OrderWarehouseId);
        Assert.Null(stored.WebhookSecretProtected);
    }

    [Fact]
    public async Task SaveRejectsDuplicateShopDomain()
    {
        await using var data = await AdminData.CreateAsync();
        var warehouse = await data.AddWarehouseAsync("MIL");
        var service = Settings(data);
        await service.SaveAsync(null, 0, ChannelRulesTests.ValidInput(warehouse.Id), CancellationToken.None);

        var duplicate = ChannelRulesTests.ValidInput(warehouse.Id) with { ShopDomain = "BOTTEGA-SINTRA.myshopify.com" };
        var result = await service.SaveAsync(null, 0, duplicate, CancellationToken.None);

        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.Equal(ChannelRules.Errors.ShopDomainTaken, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task SaveRejectsUnknownOrInactiveWarehouse()
    {
        await using var data = await AdminData.CreateAsync();
        var closed = await data.AddWarehouseAsync("OLD", isActive: false);
        var service = Settings(data);

        var unknown = await service.SaveAsync(null, 0, ChannelRulesTests.ValidInput(Guid.NewGuid()), CancellationToken.None);
        var inactive = await service.SaveAsync(null, 0, ChannelRulesTests.ValidInput(closed.Id), CancellationToken.None);

        Assert.Equal(ChannelRules.Errors.WarehouseNotFound, Assert.Single(unknown.Errors).Code);
        Assert.Equal(ChannelRules.Errors.WarehouseInactive, Assert.Single(inactive.Errors).Code);
    }

    [Fact]
    public async Task SaveKeepsWarehouseDeactivatedLater()
    {
        await using var data = await AdminData.CreateAsync();
        var warehouse = await data.AddWarehouseAsync("MIL");
        var service = Settings(data);
        var created = await service.SaveAsync(null, 0, ChannelRulesTests.ValidInput(warehouse.Id), CancellationToken.None);
        await using (var db = data.CreateDbContext())
        {
            await db.Warehouses.ExecuteUpdateAsync(s => s.SetProperty(w => w.IsActive, false));
        }

        var renamed = ChannelRulesTests.ValidInput(warehouse.Id) with { Name = "Bottega" };
        var result = await service.SaveAsync(created.Id, created.Version!.Value, renamed, CancellationToken.None);

        Assert.Equal(SaveOutcome.Saved, result.Outcome);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task StaleFiscalEditConflicts(DatabaseProvider provider)
    {
        await using var data = await AdminData.CreateAsync(provider);
        var warehouse = await data.AddWarehouseAsync("MIL");
        var service = Settings(data);
        var created = await service.SaveAsync(null, 0, ChannelRulesTests.ValidInput(warehouse.Id), CancellationToken.None);
        var loadedVersion = created.Version!.Value;

        // Only owned fiscal columns change, which must still bump the channel's version.
        var first = await service.SaveAsync(
            created.Id, loadedVersion, ChannelRulesTests.ValidInput(warehouse.Id) with { PecAttribute = "pec_1" },
            CancellationToken.None);
        var second = await service.SaveAsync(
            created.Id, loadedVersion, ChannelRulesTests.ValidInput(warehouse.Id) with { PecAttribute = "pec_2" },
            CancellationToken.None);

        Assert.Equal(SaveOutcome.Saved, first.Outcome);
        Assert.Equal(loadedVersion + 1, first.Version);
        Assert.Equal(SaveOutcome.Conflict, second.Outcome);
        var stored = await service.GetInputAsync(created.Id!.Value, CancellationToken.None);
        Assert.Equal("pec_1", stored!.Value.Input.PecAttribute);
    }

    [Fact]
    public async Task SetStoresSecretEncrypted()
    {
        await using var data = await AdminData.CreateAsync();
        var channel = await AddChannelAsync(data);

        var result = await Secrets(data).SetAsync(channel.Id, channel.Version, FirstSecret, CancellationToken.None);

        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        var stored = await ReadAsync(data, channel.Id);
        Assert.NotNull(stored.WebhookSecretProtected);
        Assert.DoesNotContain(FirstSecret, stored.WebhookSecretProtected);
        Assert.Equal(FirstSecret, protector.Unprotect(stored.WebhookSecretProtected));
        Assert.Null(stored.PreviousWebhookSecretProtected);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task RotateKeepsPreviousSecret(DatabaseProvider provider)
    {
        await using var data = await AdminData.CreateAsync(provider);
        var channel = await AddChannelAsync(data);
        var secrets = Secrets(data);
        var set = await secrets.SetAsync(channel.Id, channel.Version, FirstSecret, CancellationToken.None);

        var rotated = await secrets.RotateAsync(channel.Id, set.Version!.Value, SecondSecret, CancellationToken.None);

        Assert.Equal(SaveOutcome.Saved, rotated.Outcome);
        var stored = await ReadAsync(data, channel.Id);
        Assert.Equal(SecondSecret, protector.Unprotect(stored.WebhookSecretProtected));
        Assert.Equal(FirstSecret, protector.Unprotect(stored.PreviousWebhookSecretProtected));
    }

    [Fact]
    public async Task ClearPreviousEndsOverlap()
    {
        await using var data = await AdminData.CreateAsync();
        var channel = await AddChannelAsync(data);
        var secrets = Secrets(data);
        var set = await secrets.SetAsync(channel.Id, channel.Version, FirstSecret, CancellationToken.None);
        var rotated = await secrets.RotateAsync(channel.Id, set.Version!.Value, SecondSecret, CancellationToken.None);

        var cleared = await secrets.ClearPreviousAsync(channel.Id, rotated.Version!.Value, CancellationToken.None);

        Assert.Equal(SaveOutcome.Saved, cleared.Outcome);
        var stored = await ReadAsync(data, channel.Id);
        Assert.Null(stored.PreviousWebhookSecretProtected);
        Assert.Equal(SecondSecret, protector.Unprotect(stored.WebhookSecretProtected));
    }

    [Fact]
    public async Task RotateWithoutSecretIsRejected()
    {
        await using var data = await AdminData.CreateAsync();
        var channel = await AddChannelAsync(data);

        var result = await Secrets(data).RotateAsync(channel.Id, channel.Version, FirstSecret, CancellationToken.None);

        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.Equal(ChannelRules.Errors.NoCurrentSecret, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task RotateToSameSecretIsRejected()
    {
        await using var data = await AdminData.CreateAsync();
        var channel = await AddChannelAsync(data);
        var secrets = Secrets(data);
        var set = await secrets.SetAsync(channel.Id, channel.Version, FirstSecret, CancellationToken.None);

        var result = await secrets.RotateAsync(channel.Id, set.Version!.Value, FirstSecret, CancellationToken.None);

        Assert.Equal(ChannelRules.Errors.SecretUnchanged, Assert.Single(result.Errors).Code);
        Assert.Null((await ReadAsync(data, channel.Id)).PreviousWebhookSecretProtected);
    }

    [Fact]
    public async Task RotateWithStaleVersionConflicts()
    {
        await using var data = await AdminData.CreateAsync();
        var channel = await AddChannelAsync(data);
        var secrets = Secrets(data);
        await secrets.SetAsync(channel.Id, channel.Version, FirstSecret, CancellationToken.None);

        var result = await secrets.RotateAsync(channel.Id, channel.Version, SecondSecret, CancellationToken.None);

        Assert.Equal(SaveOutcome.Conflict, result.Outcome);
        Assert.Equal(FirstSecret, protector.Unprotect((await ReadAsync(data, channel.Id)).WebhookSecretProtected));
    }

    [Fact]
    public async Task ListShowsOnlyMaskedSecrets()
    {
        await using var data = await AdminData.CreateAsync();
        var channel = await AddChannelAsync(data);
        var secrets = Secrets(data);
        var set = await secrets.SetAsync(channel.Id, channel.Version, FirstSecret, CancellationToken.None);
        await secrets.RotateAsync(channel.Id, set.Version!.Value, SecondSecret, CancellationToken.None);

        var row = Assert.Single(await Settings(data).ListAsync(CancellationToken.None));

        Assert.Equal("MIL", row.OrderWarehouseCode);
        Assert.Equal("••••QRST", row.Secret.Masked);
        Assert.Equal("••••WXYZ", row.PreviousSecret.Masked);
        Assert.DoesNotContain(SecondSecret[..^4], row.Secret.Masked);
        Assert.DoesNotContain(FirstSecret[..^4], row.PreviousSecret.Masked);
        Assert.DoesNotContain(SecondSecret, row.ToString());
        Assert.DoesNotContain(FirstSecret, row.ToString());
    }

    [Fact]
    public async Task ListFlagsUndecryptableSecret()
    {
        await using var data = await AdminData.CreateAsync();
        var channel = await AddChannelAsync(data);

        // Encrypted with keys this service does not have, as after the key folder was lost.
        var foreign = new ChannelSecretProtector(new EphemeralDataProtectionProvider()).Protect(FirstSecret);
        await using (var db = data.CreateDbContext())
        {
            await db.Channels.ExecuteUpdateAsync(s => s.SetProperty(c => c.WebhookSecretProtected, foreign));
        }

        var row = Assert.Single(await Settings(data).ListAsync(CancellationToken.None));

        Assert.True(row.Secret.IsSet);
        Assert.True(row.Secret.IsUnreadable);
        Assert.Equal(string.Empty, row.Secret.Masked);
    }

    private ChannelSettingsService Settings(AdminData data) =>
        new(data, protector, NullLogger<ChannelSettingsService>.Instance);

    private ChannelSecretService Secrets(AdminData data) =>
        new(data, protector, NullLogger<ChannelSecretService>.Instance);

    private async Task<SalesChannel> AddChannelAsync(AdminData data)
    {
        var warehouse = await data.AddWarehouseAsync("MIL");
        var created = await Settings(data).SaveAsync(
            null, 0, ChannelRulesTests.ValidInput(warehouse.Id), CancellationToken.None);
        return await ReadAsync(data, created.Id!.Value);
    }

    private static async Task<SalesChannel> ReadAsync(AdminData data, Guid id)
    {
        await using var db = data.CreateDbContext();
        return await db.Channels.AsNoTracking().SingleAsync(c => c.Id == id);
    }
}
