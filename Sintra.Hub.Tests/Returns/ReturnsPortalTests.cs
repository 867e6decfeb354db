using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Returns;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.Returns;

public sealed partial class ReturnsPortalTests : IAsyncLifetime
{
    private const string ShopOrigin = "https://bottega.example.it";

    private HubAppFactory factory = null!;
    private ReturnsSeed seed = null!;

    public async Task InitializeAsync()
    {
        factory = new HubAppFactory(new Dictionary<string, string?> { ["Returns:LookupsPerIpPerMinute"] = "5" });
        await using var db = factory.CreateDbContext();
        seed = await ReturnsSeed.SaveAsync(db, DateTime.UtcNow, ShopOrigin);
    }

    public Task DisposeAsync()
    {
        factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ReturnsPageAllowsShopFraming()
    {
        using var client = factory.CreateClient();

        var page = await client.GetAsync("/returns/bottega?locale=en");
        var login = await client.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("X-Frame-Options"));
        var policy = string.Join(' ', page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains($"frame-ancestors 'self' {ShopOrigin};", policy);
        Assert.DoesNotContain(page.Headers, h => h.Key == "Set-Cookie");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Find the order", html);

        Assert.Equal("DENY", string.Join(',', login.Headers.GetValues("X-Frame-Options")));
        Assert.Contains("frame-ancestors 'none'", string.Join(' ', login.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task UnknownChannelAnswersNotFound()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/returns/nessun-negozio");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("DENY", string.Join(',', response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task WrongEmailMatchesUnknownOrder()
    {
        using var client = factory.CreateClient();

        var wrongEmail = await LookupAsync(client, ReturnsSeed.OrderName, "qualcuno@example.it");
        var unknownOrder = await LookupAsync(client, "#9999", ReturnsSeed.Email);
        var wrongPostcode = await LookupAsync(client, ReturnsSeed.OrderName, "00100");

        Assert.Equal(HttpStatusCode.OK, wrongEmail.StatusCode);
        Assert.Equal(wrongEmail.StatusCode, unknownOrder.StatusCode);
        var wrongEmailBytes = await wrongEmail.Content.ReadAsByteArrayAsync();
        Assert.Equal(wrongEmailBytes, await unknownOrder.Content.ReadAsByteArrayAsync());
        Assert.Equal(wrongEmailBytes, await wrongPostcode.Content.ReadAsByteArrayAsync());
        Assert.Contains("Nessun ordine corrisponde", await wrongEmail.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PostcodeFindsOrderLines()
    {
        using var client = factory.CreateClient();

        var response = await LookupAsync(client, "1042", "20 121");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("Tazza in ceramica", html);
        Assert.Contains("Restituibili: 2 di 2", html);
        Assert.Matches(TokenPattern(), html);
    }

    [Fact]
    public async Task LookupsOverLimitAnswer429()
    {
        using var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 7; i++)
        {
            statuses.Add((await LookupAsync(client, "#9999", "x@example.it")).StatusCode);
        }

        var limited = await LookupAsync(client, "#9999", "x@example.it");
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Troppi tentativi", await limited.Content.ReadAsStringAsync());
        Assert.Contains($"frame-ancestors 'self' {ShopOrigin};", string.Join(' ', limited.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task PostOverBoughtQuantityIsRejected()
    {
        using var client = factory.CreateClient();
        var token = await TokenAsync(client);

        var response = await SubmitAsync(client, token, (seed.MugLineId, 3));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Una quantità supera i pezzi ancora restituibili", html);
        await using var db = factory.CreateDbContext();
        Assert.Equal(0, await db.Set<ReturnRequest>().CountAsync());
    }

    [Fact]
    public async Task SubmitOpensReturnWithNumber()
    {
        using var client = factory.CreateClient();
        var token = await TokenAsync(client);

        var first = await SubmitAsync(client, token, (seed.MugLineId, 1));
        var second = await SubmitAsync(client, token, (seed.MugLineId, 2));

        Assert.Contains("Il numero del tuo reso è R-000001.", await first.Content.ReadAsStringAsync());
        Assert.Contains("Via Torino 1", await first.Content.ReadAsStringAsync());
        Assert.Contains("Una quantità supera", await second.Content.ReadAsStringAsync());
        await using var db = factory.CreateDbContext();
        var request = await db.Set<ReturnRequest>().Include(r => r.Lines).SingleAsync();
        Assert.Equal(ReturnStatus.Requested, request.Status);
        Assert.Equal(1, request.Lines.Single().Quantity);
        Assert.Equal("size", request.ReasonCode);
        Assert.Equal(2, await db.OutboxMessages.CountAsync(m => m.EntityId == request.Id));
    }

    [Fact]
    public async Task TamperedTokenAsksLookupAgain()
    {
        using var client = factory.CreateClient();
        var token = await TokenAsync(client);

        var response = await SubmitAsync(client, token[..^4] + "AAAA", (seed.MugLineId, 1));

        Assert.Contains("Il modulo è scaduto", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PhotoWithWrongContentIsRejected()
    {
        using var client = factory.CreateClient();
        var token = await TokenAsync(client);
        using var form = Form(token, (seed.MugLineId, 1));
        form.Add(new ByteArrayContent("not a picture"u8.ToArray()) { Headers = { { "Content-Type", "image/jpeg" } } }, "photos", "foto.jpg");

        var response = await client.PostAsync("/returns/bottega/submit", form);

        Assert.Contains("Il file foto.jpg non è una foto", await response.Content.ReadAsStringAsync());
        await using var db = factory.CreateDbContext();
        Assert.Equal(0, await db.Set<ReturnRequest>().CountAsync());
    }

    [Fact]
    public async Task PngPhotoIsStoredWithReturn()
    {
        using var client = factory.CreateClient();
        var token = await TokenAsync(client);
        using var form = Form(token, (seed.MugLineId, 1));
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
        form.Add(new ByteArrayContent(png), "photos", "../../rotta.png");

        var response = await client.PostAsync("/returns/bottega/submit", form);

        Assert.Contains("R-000001", await response.Content.ReadAsStringAsync());
        await using var db = factory.CreateDbContext();
        var photo = await db.Set<ReturnPhoto>().SingleAsync();
        Assert.Equal("image/png", photo.ContentType);
        Assert.EndsWith(".png", photo.StoredName);
        Assert.True(File.Exists(Path.Combine(factory.DataFolder, "returns", "photos", photo.StoredName)));
    }

    private static Task<HttpResponseMessage> LookupAsync(HttpClient client, string order, string contact) =>
        client.PostAsync("/returns/bottega/lookup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["order"] = order,
            ["contact"] = contact,
            ["locale"] = "it",
        }));

    private static async Task<string> TokenAsync(HttpClient client)
    {
        var html = await (await LookupAsync(client, ReturnsSeed.OrderName, ReturnsSeed.Email)).Content.ReadAsStringAsync();
        return WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);
    }

    private static MultipartFormDataContent Form(string token, params (Guid LineId, int Quantity)[] lines)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "token" },
            { new StringContent("size"), "reason" },
            { new StringContent("Troppo piccola"), "comment" },
        };
        foreach (var (lineId, quantity) in lines)
        {
            form.Add(new StringContent(quantity.ToString(System.Globalization.CultureInfo.InvariantCulture)), $"qty:{lineId}");
        }

        return form;
    }

    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string token, params (Guid LineId, int Quantity)[] lines)
    {
        using var form = Form(token, lines);
        return await client.PostAsync("/returns/bottega/submit", form);
    }

    [GeneratedRegex("name=\"token\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
