using System.Text;
using Renci.SshNet;
using Sintra.Hub.Core.Exchange;
using Sintra.Hub.Infrastructure.Exchange.Flows;
using Sintra.Hub.Infrastructure.Persistence;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.Exchange;

/// <summary>Inbound flows against a real OpenSSH server: completeness, duplicates, failures and shipments.</summary>
public sealed class InboundFlowTests(SftpTestServer server) : IClassFixture<SftpTestServer>, IAsyncLifetime
{
    private TestDatabase database = null!;
    private ExchangeTestHost host = null!;
    private readonly string keys = TempFolder.Create("exchange-keys");
    private Guid warehouseId;
    private List<Guid> variantIds = [];

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = database.CreateDbContext())
        {
            var (warehouse, variants) = await CatalogSeed.AddAsync(db, "MIL", "00123", "ABC-1", "ABC-2");
            warehouseId = warehouse.Id;
            variantIds = variants.Select(v => v.Id).ToList();
        }

        host = new ExchangeTestHost(database, keys, new RecordingShipping());
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await database.DisposeAsync();
        TempFolder.TryDelete(keys);
    }

    [Fact]
    public async Task SlowUploadWaitsUntilComplete()
    {
        var (flow, partner) = await StockFlowAsync(FileReadiness.StableSize);
        using var sftp = server.ConnectAsPartner();

        using (var upload = sftp.Open($"{partner}/inbound/giacenze.csv", FileMode.CreateNew, FileAccess.Write))
        {
            upload.Write(Encoding.UTF8.GetBytes("sku;qty\r\n00123;7\r\n"));
        }

        var first = await host.RunAsync(flow.Id);
        Assert.Equal(0, first.ProcessedCount);

        using (var upload = sftp.Open($"{partner}/inbound/giacenze.csv", FileMode.Append, FileAccess.Write))
        {
            upload.Write(Encoding.UTF8.GetBytes("ABC-1;4\r\n"));
        }

        var second = await host.RunAsync(flow.Id);
        Assert.Equal(0, second.ProcessedCount);
        Assert.Equal(0, await ExchangeSeed.StockImportCountAsync(database));
        Assert.True(sftp.Exists($"{partner}/inbound/giacenze.csv"));

        var third = await host.RunAsync(flow.Id);
        Assert.Equal(1, third.ProcessedCount);
        Assert.Equal(7, await ExchangeSeed.OnHandAsync(database, variantIds[0], warehouseId));
        Assert.Equal(4, await ExchangeSeed.OnHandAsync(database, variantIds[1], warehouseId));
        Assert.False(sftp.Exists($"{partner}/inbound/giacenze.csv"));
        Assert.True(sftp.Exists($"{partner}/inbound/processed/giacenze.csv"));
        Assert.True(sftp.Exists($"{partner}/inbound/processed/giacenze.csv.report.txt"));
    }

    [Fact]
    public async Task MarkerFileGatesTheFile()
    {
        var (flow, partner) = await StockFlowAsync(FileReadiness.MarkerFile);
        using var sftp = server.ConnectAsPartner();
        sftp.WriteAllText($"{partner}/inbound/count.csv", "sku;qty\r\nABC-2;9\r\n");

        var withoutMarker = await host.RunAsync(flow.Id);
        Assert.Equal(0, withoutMarker.ProcessedCount);

        sftp.WriteAllText($"{partner}/inbound/count.csv.ok", string.Empty);
        var withMarker = await host.RunAsync(flow.Id);
        Assert.Equal(1, withMarker.ProcessedCount);
        Assert.Equal(9, await ExchangeSeed.OnHandAsync(database, variantIds[2], warehouseId));
        Assert.False(sftp.Exists($"{partner}/inbound/count.csv.ok"));
    }

    [Fact]
    public async Task TemporaryNameIsNotTaken()
    {
        var (flow, partner) = await StockFlowAsync(FileReadiness.TemporaryName);
        using var sftp = server.ConnectAsPartner();
        sftp.WriteAllText($"{partner}/inbound/count.csv.part", "sku;qty\r\nABC-2;3\r\n");

        var whileWriting = await host.RunAsync(flow.Id);
        Assert.Equal(0, whileWriting.ProcessedCount);

        sftp.RenameFile($"{partner}/inbound/count.csv.part", $"{partner}/inbound/count.csv");
        var afterRename = await host.RunAsync(flow.Id);
        Assert.Equal(1, afterRename.ProcessedCount);
        Assert.Equal(3, await ExchangeSeed.OnHandAsync(database, variantIds[2], warehouseId));
    }

    [Fact]
    public async Task SameContentIsTakenOnce()
    {
        var (flow, partner) = await StockFlowAsync(FileReadiness.TemporaryName);
        using var sftp = server.ConnectAsPartner();
        const string content = "sku;qty\r\n00123;5\r\n";
        sftp.WriteAllText($"{partner}/inbound/monday.csv", content);
        await host.RunAsync(flow.Id);
        Assert.Equal(5, await ExchangeSeed.OnHandAsync(database, variantIds[0], warehouseId));

        // A later count in the hub must survive the same file arriving again under another name.
        await using (var db = database.CreateDbContext())
        {
            var level = db.InventoryLevels.Single(l => l.VariantId == variantIds[0]);
            Assert.Equal(5, level.OnHand);
        }

        sftp.WriteAllText($"{partner}/inbound/monday-copy.csv", content);
        var again = await host.RunAsync(flow.Id);

        Assert.Equal(1, again.ProcessedCount);
        Assert.Equal(1, await ExchangeSeed.StockImportCountAsync(database));
        var files = await ExchangeSeed.FilesAsync(database, flow.Id);
        Assert.Single(files);
        Assert.Equal("monday.csv", files[0].FileName);
        var report = sftp.ReadAllText($"{partner}/inbound/processed/monday-copy.csv.report.txt");
        Assert.Contains("monday.csv", report);
        Assert.Contains("Skipped", report);
    }

    [Fact]
    public async Task MalformedFileFailsAlone()
    {
        var (flow, partner) = await StockFlowAsync(FileReadiness.TemporaryName);
        using var sftp = server.ConnectAsPartner();
        sftp.WriteAllText($"{partner}/inbound/a.csv", "sku;qty\r\n00123;11\r\n");
        sftp.WriteAllText($"{partner}/inbound/b.csv", "sku;qty\r\nNOPE;1\r\nABC-1;dieci\r\n");
        sftp.WriteAllText($"{partner}/inbound/c.csv", "sku;qty\r\nABC-2;12\r\n");

        var outcome = await host.RunAsync(flow.Id);

        Assert.Equal(2, outcome.ProcessedCount);
        Assert.Equal(1, outcome.FailedCount);
        Assert.Equal(11, await ExchangeSeed.OnHandAsync(database, variantIds[0], warehouseId));
        Assert.Equal(0, await ExchangeSeed.OnHandAsync(database, variantIds[1], warehouseId));
        Assert.Equal(12, await ExchangeSeed.OnHandAsync(database, variantIds[2], warehouseId));
        Assert.True(sftp.Exists($"{partner}/inbound/failed/b.csv"));
        var report = sftp.ReadAllText($"{partner}/inbound/failed/b.csv.report.txt");
        Assert.Contains("Line 2", report);
        Assert.Contains("Line 3", report);
        Assert.True(sftp.Exists($"{partner}/inbound/processed/a.csv"));
        Assert.True(sftp.Exists($"{partner}/inbound/processed/c.csv"));
        var failed = (await ExchangeSeed.FilesAsync(database, flow.Id)).Single(f => f.Status == ExchangeFileStatus.Failed);
        Assert.Equal("b.csv", failed.FileName);
        Assert.True(failed.NeedsAttention);
    }

    [Fact]
    public async Task SameNameNeverOverwrites()
    {
        var (flow, partner) = await StockFlowAsync(FileReadiness.TemporaryName);
        using var sftp = server.ConnectAsPartner();
        sftp.WriteAllText($"{partner}/inbound/daily.csv", "sku;qty\r\n00123;1\r\n");
        await host.RunAsync(flow.Id);
        sftp.WriteAllText($"{partner}/inbound/daily.csv", "sku;qty\r\n00123;2\r\n");
        await host.RunAsync(flow.Id);

        var processed = sftp.ListDirectory($"{partner}/inbound/processed").Where(f => f.IsRegularFile && !f.Name.EndsWith(".txt")).ToList();
        Assert.Equal(2, processed.Count);
        Assert.Equal("sku;qty\r\n00123;1\r\n", sftp.ReadAllText($"{partner}/inbound/processed/daily.csv"));
        Assert.Equal(2, await ExchangeSeed.OnHandAsync(database, variantIds[0], warehouseId));
    }

    [Fact]
    public async Task UnsafeNameIsLeftInPlace()
    {
        var (flow, partner) = await StockFlowAsync(FileReadiness.TemporaryName);
        using var sftp = server.ConnectAsPartner();
        sftp.WriteAllText($"{partner}/inbound/bad;name$.csv", "sku;qty\r\n00123;1\r\n");

        var outcome = await host.RunAsync(flow.Id);

        Assert.Equal(0, outcome.ProcessedCount);
        Assert.True(sftp.Exists($"{partner}/inbound/bad;name$.csv"));
        Assert.Equal(0, await ExchangeSeed.StockImportCountAsync(database));
    }

    [Fact]
    public async Task ShipmentRowsShipOnce()
    {
        Guid orderId;
        await using (var db = database.CreateDbContext())
        {
            await CatalogSeed.AddOrderLinesAsync(db, 1);
            orderId = db.Orders.Single(o => o.Name == "#1001").Id;
        }

        var partner = $"log{Guid.NewGuid():N}"[..12];
        var endpoint = await ExchangeSeed.AddSftpPartnerAsync(database, host.Stores, server, partner, FileReadiness.TemporaryName);
        var profile = await ExchangeSeed.AddCsvProfileAsync(database, CsvProfilePurpose.ShipmentsIn, "SPED_*.csv",
            ExchangeSeed.Map(ShipmentFields.OrderNumber, "ordine"),
            ExchangeSeed.Map(ShipmentFields.Sku, "sku"),
            ExchangeSeed.Map(ShipmentFields.Quantity, "qta"),
            ExchangeSeed.Map(ShipmentFields.Carrier, "corriere"),
            ExchangeSeed.Map(ShipmentFields.TrackingNumber, "tracking"));
        var flow = await ExchangeSeed.AddFlowAsync(database, endpoint, ExchangeFlowKind.ShipmentsIn, csvProfileId: profile.Id);
        using var sftp = server.ConnectAsPartner();
        CreateFolders(sftp, partner);
        sftp.WriteAllText($"/data/{partner}/inbound/SPED_bad.csv", "ordine;sku;qta;corriere;tracking\r\n#9999;00123;1;BRT;X1\r\n#1001;00123;zero;BRT;X2\r\n");
        sftp.WriteAllText($"/data/{partner}/inbound/SPED_1.csv", "ordine;sku;qta;corriere;tracking\r\n#1001;00123;1;BRT;BRT123\r\n");
        sftp.WriteAllText($"/data/{partner}/inbound/other.csv", "not a shipment file");

        var outcome = await host.RunAsync(flow.Id);

        Assert.Equal(1, outcome.ProcessedCount);
        Assert.Equal(1, outcome.FailedCount);
        var shipped = Assert.Single(host.Shipping.Shipped);
        Assert.Equal(orderId, shipped.OrderId);
        Assert.Equal("BRT", shipped.Carrier);
        Assert.Equal("BRT123", shipped.TrackingNumber);
        Assert.Equal("00123", Assert.Single(shipped.Lines).Sku);
        var file = (await ExchangeSeed.FilesAsync(database, flow.Id)).Single(f => f.FileName == "SPED_1.csv");
        Assert.Equal($"{file.Sha256}:2", shipped.ExternalReference);
        var report = sftp.ReadAllText($"/data/{partner}/inbound/failed/SPED_bad.csv.report.txt");
        Assert.Contains("#9999", report);
        Assert.Contains("zero", report);
        Assert.True(sftp.Exists($"/data/{partner}/inbound/other.csv"));
    }

    [Fact]
    public async Task PinnedHostKeyMismatchIsRejected()
    {
        var endpoint = await ExchangeSeed.AddSftpPartnerAsync(database, host.Stores, server, "pin", FileReadiness.StableSize);
        endpoint.HostKeySha256 = "SHA256:" + Convert.ToBase64String(new byte[32]).TrimEnd('=');

        var error = await host.Stores.TestAsync(endpoint, CancellationToken.None);

        Assert.NotNull(error);
        Assert.Contains("does not match the pinned fingerprint", error);
        Assert.Contains(server.HostKeyFingerprint, error);
    }

    [Fact]
    public async Task MatchingHostKeyConnects()
    {
        var partner = $"ok{Guid.NewGuid():N}"[..12];
        var endpoint = await ExchangeSeed.AddSftpPartnerAsync(database, host.Stores, server, partner, FileReadiness.StableSize);
        using (var sftp = server.ConnectAsPartner())
        {
            CreateFolders(sftp, partner);
        }

        Assert.Null(await host.Stores.TestAsync(endpoint, CancellationToken.None));
    }

    private async Task<(ExchangeFlow Flow, string Partner)> StockFlowAsync(FileReadiness readiness)
    {
        var partner = $"wh{Guid.NewGuid():N}"[..12];
        var endpoint = await ExchangeSeed.AddSftpPartnerAsync(database, host.Stores, server, partner, readiness);
        var profile = await ExchangeSeed.AddStockProfileAsync(database, warehouseId);
        var flow = await ExchangeSeed.AddFlowAsync(database, endpoint, ExchangeFlowKind.StockIn, stockProfileId: profile.Id);
        using var sftp = server.ConnectAsPartner();
        CreateFolders(sftp, partner);
        return (flow, $"/data/{partner}");
    }

    private static void CreateFolders(SftpClient sftp, string partner)
    {
        var root = partner.StartsWith('/') ? partner : $"/data/{partner}";
        sftp.CreateDirectory(root);
        sftp.CreateDirectory($"{root}/inbound");
        sftp.CreateDirectory($"{root}/outbound");
    }
}
