using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Sintra.Hub.Core.Orders.Shipping;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Core.Returns;
using Sintra.Hub.Infrastructure.Outbox;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.Returns;

public sealed class CustomerEmailTests
{
    [Fact]
    public async Task ReturnEmailsLandInPickupFolder()
    {
        using var factory = new HubAppFactory();
        var seed = await SeedAsync(factory);
        Guid returnId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var returns = scope.ServiceProvider.GetRequiredService<ReturnService>();
            var draft = new ReturnDraft(seed.OrderId, "size", null, [new ReturnDraftLine(seed.MugLineId, 1)], ReturnOrigin.Customer, "en", "test");
            returnId = (await returns.CreateAsync(draft, CancellationToken.None)).Return!.Id;
            Assert.Null((await returns.RejectAsync(returnId, "The item was used.", "staff", CancellationToken.None)).Error);
        }

        await ProcessOutboxAsync(factory);

        var files = Directory.GetFiles(Path.Combine(factory.DataFolder, "mail"), "*.eml");
        Assert.Equal(2, files.Length);
        var messages = files.Select(f => MimeMessage.Load(f)).OrderBy(m => m.Subject, StringComparer.Ordinal).ToList();
        Assert.Equal("Your return R-000001 was not accepted", messages[1].Subject);
        Assert.Contains("Reason: The item was used.", messages[1].TextBody);
        Assert.Equal("We received your return request R-000001", messages[0].Subject);
        Assert.Contains("1 × Tazza in ceramica", messages[0].TextBody);
        Assert.Contains("<li>1 &#215; Tazza in ceramica</li>", messages[0].HtmlBody);
        Assert.Contains("Send the parcel to: Bottega Sintra", messages[0].TextBody);
        Assert.Equal(ReturnsSeed.Email, messages[0].To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task ShipmentEmailGoesThroughSmtp()
    {
        await using var smtp = new LoopbackSmtpServer();
        using var factory = new HubAppFactory(new Dictionary<string, string?>
        {
            ["Email:Delivery"] = "Smtp",
            ["Email:SmtpHost"] = "127.0.0.1",
            ["Email:SmtpPort"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:SmtpSecurity"] = "None",
            ["Email:SmtpUserName"] = "hub",
            ["Email:SmtpPassword"] = "smtp-secret-2026",
            ["Email:FromAddress"] = "negozio@bottega.example.it",
        });
        var seed = await SeedAsync(factory);
        var notice = new ShipmentNotice(
            Guid.CreateVersion7(), seed.OrderId, ReturnsSeed.OrderName, DateTime.UtcNow, "BRT", "BRT123456", "https://tracking.example.it/BRT123456",
            [new ShipmentNoticeLine("TAZZA-BLU", "Tazza in ceramica", 2)]);
        await using (var db = factory.CreateDbContext())
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                Topic = OutboxTopics.ShipmentEmail,
                EntityId = seed.OrderId,
                Payload = JsonSerializer.Serialize(notice, JsonSerializerOptions.Web),
                CreatedAt = DateTime.UtcNow,
                NextAttemptAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        await ProcessOutboxAsync(factory);

        var received = Assert.Single(smtp.Messages);
        Assert.Equal("negozio@bottega.example.it", received.From);
        Assert.Equal([ReturnsSeed.Email], received.Recipients);
        Assert.Equal(("hub", "smtp-secret-2026"), smtp.Credentials);
        var message = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(received.Data)));
        Assert.Equal("Il tuo ordine #1042 è stato spedito", message.Subject);
        Assert.Contains("Corriere: BRT, numero di tracciamento: BRT123456", message.TextBody);
        Assert.Contains("href=\"https://tracking.example.it/BRT123456\"", message.HtmlBody);
    }

    [Fact]
    public void SmtpWithoutHostFailsOnStart()
    {
        using var factory = new HubAppFactory(new Dictionary<string, string?> { ["Email:Delivery"] = "Smtp" });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Email:SmtpHost is missing", error.ToString());
    }

    private static async Task<ReturnsSeed> SeedAsync(HubAppFactory factory)
    {
        await using var db = factory.CreateDbContext();
        return await ReturnsSeed.SaveAsync(db, DateTime.UtcNow);
    }

    private static async Task ProcessOutboxAsync(HubAppFactory factory)
    {
        var processor = factory.Services.GetRequiredService<OutboxProcessor>();
        await processor.ProcessDueAsync(CancellationToken.None);
    }
}
