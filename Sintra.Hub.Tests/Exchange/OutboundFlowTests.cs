using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Exchange;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Infrastructure.Persistence;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.Exchange;

/// <summary>Orders out to the ERP over a real OpenSSH server: once per profile, formula guard, leading zeros, manifest.</summary>
public sealed class OutboundFlowTests(SftpTestServer server) : IClassFixture<SftpTestServer>, IAsyncLifetime
{
    private TestDatabase database = null!;
    private ExchangeTestHost host = null!;
    private readonly string keys = TempFolder.Create("exchange-keys");
    private readonly string partner = $"erp{Guid.NewGuid():N}"[..12];
    private ExchangeFlow flow = null!;
    private Guid channelId;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        host = new ExchangeTestHost(database, keys, new RecordingShipping());
        var endpoint = await ExchangeSeed.AddSftpPartnerAsync(database, host.Stores, server, partner, FileReadiness.TemporaryName);
        var profile = await ExchangeSeed.AddCsvProfileAsync(database, CsvProfilePurpose.OrdersOut, "ORDINI_{date:yyyyMMdd}.csv",
            ExchangeSeed.Map("OrderName", "Ordine"),
            ExchangeSeed.Map("BusinessDate", "Data"),
            ExchangeSeed.Map("CustomerName", "Cliente"),
            ExchangeSeed.Map("ShipPostcode", "CAP"),
            ExchangeSeed.Map("Sku", "SKU"),
            ExchangeSeed.Map("Quantity", "Qta"),
            ExchangeSeed.Map("UnitPrice", "Prezzo"));
        flow = await ExchangeSeed.AddFlowAsync(database, endpoint, ExchangeFlowKind.OrdersOut, csvProfileId: profile.Id);
        await using var db = database.CreateDbContext();
        var channel = new SalesChannel { Name = "Shop", ShopDomain = $"s{Guid.NewGuid():N}.myshopify.com" };
        db.Channels.Add(channel);
        await db.SaveChangesAsync();
        channelId = channel.Id;
        using var sftp = server.ConnectAsPartner();
        sftp.CreateDirectory($"/data/{partner}");
        sftp.CreateDirectory($"/data/{partner}/outbound");
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await database.DisposeAsync();
        TempFolder.TryDelete(keys);
    }

    [Fact]
    public async Task OrdersExportOncePerProfile()
    {
        await AddOrderAsync("#1001", "=HYPERLINK(\"http://example.test\",\"x\")", "00100", "00123", paid: true);
        await AddOrderAsync("#1002", "Rossi", "20121", "ABC-1", paid: true);
        await AddOrderAsync("#1003", "Bianchi", "00199", "ABC-2", paid: false);

        var first = await host.RunAsync(flow.Id);
        var second = await host.RunAsync(flow.Id);

        Assert.Equal(2, first.ProcessedCount);
        Assert.Equal(0, second.ProcessedCount);
        var files = DataFiles();
        var name = Assert.Single(files);
        var lines = Encoding.UTF8.GetString(Read(name)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal("\"Ordine\";\"Data\";\"Cliente\";\"CAP\";\"SKU\";\"Qta\";\"Prezzo\"", lines[0]);
        Assert.StartsWith("\"#1001\";2026-03-02;", lines[1]);
        Assert.Contains(";\"00100\";\"00123\";2;20,00", lines[1]);
        Assert.Contains(";\"'=HYPERLINK(\"\"http://example.test\"\",\"\"x\"\")\";", lines[1]);
        Assert.Contains(";\"20121\";\"ABC-1\";", lines[2]);
        Assert.DoesNotContain(lines, l => l.Contains("#1003"));

        await using var db = database.CreateDbContext();
        Assert.Equal(2, await db.Set<OrderExportEntry>().CountAsync());
    }

    [Fact]
    public async Task NewOrdersGoInTheNextFile()
    {
        await AddOrderAsync("#2001", "Verdi", "00100", "00123", paid: true);
        await host.RunAsync(flow.Id);
        var firstFile = Assert.Single(DataFiles());
        await AddOrderAsync("#2002", "Neri", "00100", "00124", paid: true);

        var next = await host.RunAsync(flow.Id);

        Assert.Equal(1, next.ProcessedCount);
        var files = DataFiles();
        Assert.Equal(2, files.Count);
        var newest = files.Single(f => f != firstFile);
        var text = Encoding.UTF8.GetString(Read(newest));
        Assert.Contains("#2002", text);
        Assert.DoesNotContain("#2001", text);
    }

    [Fact]
    public async Task ReexportWritesEveryOrderAgain()
    {
        await AddOrderAsync("#3001", "Gialli", "00100", "00123", paid: true);
        await host.RunAsync(flow.Id);

        var again = await host.RunAsync(flow.Id, reexport: true);

        Assert.Equal(1, again.ProcessedCount);
        Assert.Equal(2, DataFiles().Count);
        await using var db = database.CreateDbContext();
        Assert.Equal(1, await db.Set<OrderExportEntry>().CountAsync());
    }

    [Fact]
    public async Task ManifestMatchesTheFile()
    {
        await AddOrderAsync("#4001", "Blu", "00100", "00123", paid: true);
        await AddOrderAsync("#4002", "Rosa", "00100", "00124", paid: true);

        await host.RunAsync(flow.Id);

        var name = Assert.Single(DataFiles());
        var content = Read(name);
        var manifestName = Path.GetFileNameWithoutExtension(name) + ".manifest.json";
        using var manifest = JsonDocument.Parse(Read(manifestName));
        Assert.Equal(name, manifest.RootElement.GetProperty("file").GetString());
        Assert.Equal(2, manifest.RootElement.GetProperty("rows").GetInt32());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), manifest.RootElement.GetProperty("sha256").GetString());
        using var sftp = server.ConnectAsPartner();
        Assert.DoesNotContain(sftp.ListDirectory($"/data/{partner}/outbound"), f => f.Name.EndsWith(".tmp"));
    }

    private List<string> DataFiles()
    {
        using var sftp = server.ConnectAsPartner();
        return sftp.ListDirectory($"/data/{partner}/outbound")
            .Where(f => f.IsRegularFile && f.Name.EndsWith(".csv"))
            .Select(f => f.Name)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
    }

    private byte[] Read(string name)
    {
        using var sftp = server.ConnectAsPartner();
        return sftp.ReadAllBytes($"/data/{partner}/outbound/{name}");
    }

    private async Task AddOrderAsync(string name, string customer, string zip, string sku, bool paid)
    {
        await using var db = database.CreateDbContext();
        var order = new Order
        {
            ChannelId = channelId,
            ExternalId = Random.Shared.NextInt64(1, long.MaxValue),
            Name = name,
            Currency = "EUR",
            PresentmentCurrency = "EUR",
            CustomerName = customer,
            PlacedAt = new DateTime(2026, 3, 1, 23, 30, 0, DateTimeKind.Utc),
            BusinessDate = new DateOnly(2026, 3, 2),
            ShippingAddress = new Address { FirstName = "Mario", LastName = customer, Zip = zip, City = "Roma" },
            Lines = [new OrderLine { ExternalId = 1, Title = "Item", Sku = sku, Quantity = 2, Price = 20m }],
        };
        if (paid)
        {
            order.MarkPaid();
        }

        db.Orders.Add(order);
        await db.SaveChangesAsync();
    }
}
