using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Exchange;
using Sintra.Hub.Core.Inventory.Import;
using Sintra.Hub.Infrastructure.Exchange;
using Sintra.Hub.Infrastructure.Jobs;
using Sintra.Hub.Tests.Browser;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.Exchange;

/// <summary>The jobs dashboard and the CSV profile editor in Chromium, with a local-folder flow that has run.</summary>
public sealed class ExchangeBrowserTests
{
    [Fact]
    public async Task JobsDashboardShowsFlowRuns()
    {
        await using var session = await BrowserSession.StartAsync();
        var folder = Path.Combine(session.Factory.DataFolder, "partner-mil");
        Directory.CreateDirectory(Path.Combine(folder, "inbound"));
        await File.WriteAllTextAsync(Path.Combine(folder, "inbound", "giacenze.csv"), "sku;qty\r\nMUG-01;4\r\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "inbound", "rotto.csv"), "sku;qty\r\nNOPE;x\r\n");

        Guid flowId;
        Guid profileId;
        await using (var db = session.Factory.CreateDbContext())
        {
            var (warehouse, _) = await CatalogSeed.AddAsync(db, "MIL", "MUG-01");
            var partner = new ExchangePartner { Name = "Magazzino Milano" };
            var endpoint = new ExchangeEndpoint
            {
                PartnerId = partner.Id, Name = "Cartella condivisa", Kind = ExchangeEndpointKind.LocalFolder,
                RootPath = folder, Readiness = FileReadiness.TemporaryName,
            };
            var stockProfile = new StockImportProfile { Name = "Giacenze MIL", KeyColumn = "sku", QuantityColumn = "qty", WarehouseId = warehouse.Id };
            var flow = new ExchangeFlow
            {
                PartnerId = partner.Id, EndpointId = endpoint.Id, Name = "Giacenze da Milano", Kind = ExchangeFlowKind.StockIn,
                StockProfileId = stockProfile.Id, Cron = "0 0/15 * * * ?",
            };
            var csvProfile = new ExchangeCsvProfile
            {
                Name = "Ordini ERP", Purpose = CsvProfilePurpose.OrdersOut, FileNamePattern = "ORDINI_{date:yyyyMMdd}.csv",
                Encoding = CsvFileEncoding.Utf8Bom,
            };
            csvProfile.SetColumns(
            [
                new CsvColumnMapping { Field = "OrderName", Column = "Ordine" },
                new CsvColumnMapping { Field = "BusinessDate", Column = "Data" },
                new CsvColumnMapping { Field = "CustomerName", Column = "Cliente", Transform = CsvTransform.Upper },
                new CsvColumnMapping { Field = "ShipPostcode", Column = "CAP" },
                new CsvColumnMapping { Field = "Sku", Column = "Codice" },
                new CsvColumnMapping { Field = "Quantity", Column = "Qta" },
                new CsvColumnMapping { Field = "Currency", Column = "Valuta", Constant = "EUR" },
            ]);
            db.AddRange(partner, endpoint, stockProfile, flow, csvProfile);
            await db.SaveChangesAsync();
            flowId = flow.Id;
            profileId = csvProfile.Id;
        }

        await session.Factory.Services.GetRequiredService<ExchangeScheduleSync>().SyncAsync(CancellationToken.None);
        var dashboard = session.Factory.Services.GetRequiredService<JobDashboardService>();
        await dashboard.RunNowAsync(ExchangeFlowJob.Group, flowId.ToString(), reexport: false, CancellationToken.None);
        await WaitForFinishedRunAsync(session, flowId);

        var page = await session.SignInAsync("/jobs");
        await BrowserSession.WaitForInteractiveAsync(page);
        var row = page.Locator("[data-test=jobs] tr", new() { HasText = "Giacenze da Milano" });
        await row.Locator("button[title='Storico esecuzioni']").ClickAsync();
        await page.GetByText("rotto.csv: Failed").WaitForAsync();
        await BrowserSession.ScreenshotAsync(page, "exchange-jobs.png");
        var text = await page.Locator("[data-test=jobs]").InnerTextAsync();
        Assert.Contains("outbox", text);
        Assert.Contains("cron 0 0/15 * * * ?", text);
        Assert.Contains("giacenze.csv: Processed", text);
        Assert.Contains("Fallito", text);

        await page.GotoAsync(session.BaseUrl + "/");
        await page.Locator("[data-test=failed-files]").GetByText("rotto.csv", new() { Exact = true }).WaitForAsync();

        await page.GotoAsync(session.BaseUrl + $"/exchange/profiles/{profileId}");
        await BrowserSession.WaitForInteractiveAsync(page);
        var output = page.Locator("[data-test=preview-output]");
        await output.WaitForAsync();
        await BrowserSession.ScreenshotAsync(page, "exchange-profile-preview.png");
        var written = await output.InnerTextAsync();
        Assert.Contains("\"'=SUM(A1:A9)\"", written);
        Assert.Contains("\"00184\";\"00123\"", written);
        Assert.Contains("\"MARIO ROSSI\"", written);
    }

    private static async Task WaitForFinishedRunAsync(BrowserSession session, Guid flowId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using (var db = session.Factory.CreateDbContext())
            {
                if (await db.Set<JobRun>().AnyAsync(r => r.JobName == flowId.ToString() && r.FinishedAt != null))
                {
                    return;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"The run of flow {flowId} did not finish within 60 seconds.");
            await Task.Delay(100);
        }
    }
}
