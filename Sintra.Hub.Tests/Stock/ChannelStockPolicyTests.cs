using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Channels;
using Sintra.Hub.Tests.Admin;

namespace Sintra.Hub.Tests.Stock;

public sealed class ChannelStockPolicyTests
{
    [Fact]
    public void PolicyRulesRejectBadValues()
    {
        var orderWarehouse = Guid.NewGuid();
        var other = Guid.NewGuid();
        var input = ChannelRulesTests.ValidInput(orderWarehouse) with
        {
            StockSourceIds = [other, other],
            StockBuffer = -1,
            StockCap = -5,
        };

        var errors = ChannelRules.Validate(input);

        Assert.Contains(new(nameof(ChannelInput.StockSourceIds), ChannelRules.Errors.SourceDuplicate), errors);
        Assert.Contains(
            new(nameof(ChannelInput.OrderWarehouseId), ChannelRules.Errors.OrderWarehouseNotSource), errors);
        Assert.Contains(new(nameof(ChannelInput.StockBuffer), ChannelRules.Errors.BufferNegative), errors);
        Assert.Contains(new(nameof(ChannelInput.StockCap), ChannelRules.Errors.CapNegative), errors);
        Assert.Equal(4, errors.Count);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(3, 0)]
    [InlineData(0, 100)]
    public void PolicyRulesAcceptBoundaryValues(int buffer, int? cap)
    {
        var warehouse = Guid.NewGuid();
        var input = ChannelRulesTests.ValidInput(warehouse) with
        {
            StockSourceIds = [Guid.NewGuid(), warehouse],
            StockBuffer = buffer,
            StockCap = cap,
        };

        Assert.Empty(ChannelRules.Validate(input));
    }

    [Fact]
    public void NoSourcesNeedNoOrderWarehouseMatch()
    {
        Assert.Empty(ChannelRules.Validate(ChannelRulesTests.ValidInput() with { StockSourceIds = [] }));
    }

    [Fact]
    public async Task SaveStoresAndReordersSources()
    {
        await using var data = await AdminData.CreateAsync();
        var milan = await data.AddWarehouseAsync("MIL");
        var rome = await data.AddWarehouseAsync("ROM");
        var turin = await data.AddWarehouseAsync("TRN");
        var service = Settings(data);
        var input = ChannelRulesTests.ValidInput(milan.Id) with
        {
            StockSourceIds = [milan.Id, rome.Id, turin.Id],
            StockBuffer = 2,
            StockCap = 50,
        };
        var created = await service.SaveAsync(null, 0, input, CancellationToken.None);
        var (stored, version) = (await service.GetInputAsync(created.Id!.Value, CancellationToken.None))!.Value;

        var edited = stored with { StockSourceIds = [turin.Id, milan.Id], StockCap = null };
        var result = await service.SaveAsync(created.Id, version, edited, CancellationToken.None);

        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        Assert.Equal([milan.Id, rome.Id, turin.Id], stored.StockSourceIds);
        await using var db = data.CreateDbContext();
        var channel = await db.Channels.AsNoTracking().Include(c => c.StockSources).SingleAsync();
        Assert.Equal(
            [(turin.Id, 1), (milan.Id, 2)],
            channel.StockSources.OrderBy(s => s.Priority).Select(s => (s.WarehouseId, s.Priority)).ToList());
        Assert.Equal(2, channel.StockBuffer);
        Assert.Null(channel.StockCap);
    }

    [Fact]
    public async Task SaveRejectsInactiveNewSource()
    {
        await using var data = await AdminData.CreateAsync();
        var milan = await data.AddWarehouseAsync("MIL");
        var closed = await data.AddWarehouseAsync("OLD", isActive: false);
        var input = ChannelRulesTests.ValidInput(milan.Id) with { StockSourceIds = [milan.Id, closed.Id] };

        var result = await Settings(data).SaveAsync(null, 0, input, CancellationToken.None);

        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(ChannelInput.StockSourceIds), error.Field);
        Assert.Equal(ChannelRules.Errors.WarehouseInactive, error.Code);
    }

    private static ChannelSettingsService Settings(AdminData data) => new(
        data,
        new ChannelSecretProtector(new EphemeralDataProtectionProvider()),
        NullLogger<ChannelSettingsService>.Instance);
}
