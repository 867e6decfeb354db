using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Integration;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Returns;
using Sintra.Hub.Tests.Browser;
using Sintra.Hub.Tests.Returns;

namespace Sintra.Hub.Tests.Integration;

public sealed class ReturnsApiTests
{
    [Fact]
    public async Task ReturnsEndpointsRequireScopes()
    {
        using var app = new ApiTestApp();
        var seed = await SeedAsync(app);
        using var ordersOnly = await app.ClientAsync(ApiScopes.OrdersRead, ApiScopes.OrdersWrite);
        using var readOnly = await app.ClientAsync(ApiScopes.ReturnsRead);

        using var list = await ordersOnly.GetAsync("/api/v1/returns");
        using var open = await SendAsync(readOnly, "/api/v1/returns", OpenBody(seed, 1), "scope-1");

        var listProblem = await AssertProblemAsync(list, HttpStatusCode.Forbidden);
        Assert.Contains(ApiScopes.ReturnsRead, listProblem.GetProperty("detail").GetString());
        var openProblem = await AssertProblemAsync(open, HttpStatusCode.Forbidden);
        Assert.Contains(ApiScopes.ReturnsWrite, openProblem.GetProperty("detail").GetString());
        await using var db = app.CreateDbContext();
        Assert.False(await db.Set<ReturnRequest>().AnyAsync());
    }

    [Fact]
    public async Task OpenListAndGetReturn()
    {
        using var app = new ApiTestApp();
        var seed = await SeedAsync(app);
        using var client = await app.ClientAsync(ApiScopes.ReturnsRead, ApiScopes.ReturnsWrite);

        using var created = await SendAsync(client, "/api/v1/returns", OpenBody(seed, 1), "open-1");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal("/api/v1/returns/" + id, created.Headers.Location?.ToString());
        Assert.Equal("Requested", body.GetProperty("status").GetString());
        Assert.Equal(ReturnsSeed.OrderName, body.GetProperty("orderName").GetString());

        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/returns?orderId={seed.OrderId}&status=Requested");
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(id, item.GetProperty("id").GetGuid());
        Assert.Equal(1, item.GetProperty("units").GetInt32());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
        var approved = await client.GetFromJsonAsync<JsonElement>("/api/v1/returns?status=Approved");
        Assert.Empty(approved.GetProperty("items").EnumerateArray());
        var otherOrder = await client.GetFromJsonAsync<JsonElement>($"/api/v1/returns?orderId={Guid.NewGuid()}");
        Assert.Empty(otherOrder.GetProperty("items").EnumerateArray());

        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/returns/{id}");
        var line = Assert.Single(detail.GetProperty("lines").EnumerateArray());
        Assert.Equal(seed.MugLineId, line.GetProperty("orderLineId").GetGuid());
        Assert.Equal(1, line.GetProperty("quantity").GetInt32());
        Assert.Equal("size", line.GetProperty("reasonCode").GetString());
        Assert.Equal(JsonValueKind.Null, line.GetProperty("decision").ValueKind);
        var entry = Assert.Single(detail.GetProperty("timeline").EnumerateArray());
        Assert.Equal("requested", entry.GetProperty("kind").GetString());
        Assert.StartsWith("api:", entry.GetProperty("actor").GetString());

        using var missing = await client.GetAsync($"/api/v1/returns/{Guid.NewGuid()}");
        await AssertProblemAsync(missing, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListPagesByStatusChange()
    {
        using var app = new ApiTestApp();
        var seed = await SeedAsync(app);
        using var client = await app.ClientAsync(ApiScopes.ReturnsRead, ApiScopes.ReturnsWrite);
        var cardBody = new { orderId = seed.OrderId, reason = "size", lines = new[] { new { orderLineId = seed.CardLineId, quantity = 1 } } };

        var card = await OpenAsync(client, cardBody, "page-card");
        var mug = await OpenAsync(client, OpenBody(seed, 2), "page-mug");
        using var rejected = await SendAsync(client, $"/api/v1/returns/{card}/reject", new { reason = "outside policy" }, "page-reject");
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);

        // Units of a rejected return count as returnable again, so the card may be returned once more.
        var cardAgain = await OpenAsync(client, cardBody, "page-card-again");

        var listed = new List<Guid>();
        var pages = 0;
        string? next = "/api/v1/returns?limit=2";
        while (next is not null)
        {
            var page = await client.GetFromJsonAsync<JsonElement>(next);
            pages++;
            listed.AddRange(page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
            next = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString();
        }

        Assert.Equal(2, pages);
        Assert.Equal([mug, card, cardAgain], listed);
    }

    [Fact]
    public async Task OverQuantityRejectedWithMaximum()
    {
        using var app = new ApiTestApp();
        var seed = await SeedAsync(app);
        using var client = await app.ClientAsync(ApiScopes.ReturnsWrite);

        using var response = await SendAsync(client, "/api/v1/returns", OpenBody(seed, 3), "over-1");

        var problem = await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Too many units", problem.GetProperty("title").GetString());
        Assert.Equal("Line 'Tazza in ceramica' allows 2 more unit(s) to return, not 3.", problem.GetProperty("detail").GetString());
        Assert.Equal(seed.MugLineId, problem.GetProperty("orderLineId").GetGuid());
        Assert.Equal(2, problem.GetProperty("maximum").GetInt32());
        await using var db = app.CreateDbContext();
        Assert.False(await db.Set<ReturnRequest>().AnyAsync());
        Assert.False(await db.ApiIdempotencyRecords.AnyAsync());
    }

    [Theory]
    [InlineData("Restock", 0)]
    [InlineData("QualityControl", 2)]
    [InlineData("Damaged", 2)]
    public async Task ApproveAndReceiveMoveStock(string decision, int unavailable)
    {
        using var app = new ApiTestApp();
        var seed = await SeedAsync(app);
        using var client = await app.ClientAsync(ApiScopes.ReturnsRead, ApiScopes.ReturnsWrite);
        using var created = await SendAsync(client, "/api/v1/returns", OpenBody(seed, 2), "flow-open");
        var opened = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = opened.GetProperty("id").GetGuid();
        var lineId = opened.GetProperty("lines")[0].GetProperty("id").GetGuid();
        var receiveBody = new { lines = new[] { new { returnLineId = lineId, decision, warehouse = "MIL" } } };

        using var early = await SendAsync(client, $"/api/v1/returns/{id}/receive", receiveBody, "flow-early");
        using var approve = await SendAsync(client, $"/api/v1/returns/{id}/approve", new { }, "flow-approve");
        using var unknownWarehouse = await SendAsync(client, $"/api/v1/returns/{id}/receive",
            new { lines = new[] { new { returnLineId = lineId, decision, warehouse = "ROM" } } }, "flow-rome");
        using var receive = await SendAsync(client, $"/api/v1/returns/{id}/receive", receiveBody, "flow-receive");

        var earlyProblem = await AssertProblemAsync(early, HttpStatusCode.Conflict);
        Assert.Contains("only an approved return can be received", earlyProblem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        Assert.Equal("Approved", (await approve.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var warehouseProblem = await AssertProblemAsync(unknownWarehouse, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("'ROM'", warehouseProblem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, receive.StatusCode);
        var received = await receive.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Closed", received.GetProperty("status").GetString());
        Assert.Equal(decision, received.GetProperty("lines")[0].GetProperty("decision").GetString());
        Assert.Equal("MIL", received.GetProperty("lines")[0].GetProperty("warehouseCode").GetString());

        await using var db = app.CreateDbContext();
        var level = await db.InventoryLevels.AsNoTracking()
            .SingleAsync(l => l.VariantId == seed.VariantId && l.WarehouseId == seed.WarehouseId);
        Assert.Equal(2, level.OnHand);
        Assert.Equal(0, level.Reserved);
        Assert.Equal(unavailable, level.Unavailable);
        var movement = await db.InventoryMovements.AsNoTracking().FirstAsync(m => m.Reason == MovementReason.Return);
        Assert.Equal(2, movement.OnHandDelta);
        Assert.StartsWith("api:", movement.Actor);
    }

    [Fact]
    public async Task RejectNeedsReason()
    {
        using var app = new ApiTestApp();
        var seed = await SeedAsync(app);
        using var client = await app.ClientAsync(ApiScopes.ReturnsWrite);
        using var created = await SendAsync(client, "/api/v1/returns", OpenBody(seed, 1), "reject-open");
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var blank = await SendAsync(client, $"/api/v1/returns/{id}/reject", new { reason = " " }, "reject-1");
        using var rejected = await SendAsync(client, $"/api/v1/returns/{id}/reject", new { reason = "worn item" }, "reject-2");

        var problem = await AssertProblemAsync(blank, HttpStatusCode.BadRequest);
        Assert.Contains("reason is missing", problem.GetProperty("errors").GetProperty("reason")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var body = await rejected.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Rejected", body.GetProperty("status").GetString());
        Assert.Equal("worn item", body.GetProperty("rejectionReason").GetString());
    }

    [Fact]
    public async Task OpenIdempotentByKey()
    {
        using var app = new ApiTestApp();
        var seed = await SeedAsync(app);
        using var client = await app.ClientAsync(ApiScopes.ReturnsWrite);

        using var first = await SendAsync(client, "/api/v1/returns", OpenBody(seed, 1), "same-key");
        using var repeat = await SendAsync(client, "/api/v1/returns", OpenBody(seed, 1), "same-key");
        using var reused = await SendAsync(client, "/api/v1/returns", OpenBody(seed, 2), "same-key");
        using var withoutKey = await SendAsync(client, "/api/v1/returns", OpenBody(seed, 1), null);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, repeat.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await repeat.Content.ReadAsStringAsync());
        await AssertProblemAsync(reused, HttpStatusCode.UnprocessableEntity);
        var problem = await AssertProblemAsync(withoutKey, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
        await using var db = app.CreateDbContext();
        var stored = await db.Set<ReturnRequest>().AsNoTracking().Include(r => r.Lines).SingleAsync();
        Assert.Equal(1, stored.Lines.Sum(l => l.Quantity));
    }

    [Fact]
    public async Task KeyPageOffersReturnScopes()
    {
        await using var session = await BrowserSession.StartAsync(ApiTestApp.Settings(null));
        var page = await session.SignInAsync("/settings/api-keys");

        await page.Locator("[data-testid='key-name'] input, input[data-testid='key-name']").First.FillAsync("Helpdesk resi");
        await page.Locator("[data-testid='scope-returns:read'] input, input[data-testid='scope-returns:read']").First.CheckAsync();
        await page.Locator("[data-testid='scope-returns:write'] input, input[data-testid='scope-returns:write']").First.CheckAsync();
        await page.GetByTestId("create-key").ClickAsync();
        await page.GetByTestId("api-keys").GetByText("Helpdesk resi").WaitForAsync();
        await BrowserSession.ScreenshotAsync(page, "api-keys-returns.png");

        await using var db = session.Factory.CreateDbContext();
        var stored = await db.ApiKeys.AsNoTracking().SingleAsync();
        Assert.Equal("products:read returns:read returns:write", stored.Scopes);
    }

    private static async Task<ReturnsSeed> SeedAsync(ApiTestApp app)
    {
        await using var db = app.CreateDbContext();
        return await ReturnsSeed.SaveAsync(db, DateTime.UtcNow);
    }

    private static async Task<Guid> OpenAsync(HttpClient client, object body, string key)
    {
        using var response = await SendAsync(client, "/api/v1/returns", body, key);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static object OpenBody(ReturnsSeed seed, int quantity) => new
    {
        orderId = seed.OrderId,
        reason = "size",
        lines = new[] { new { orderLineId = seed.MugLineId, quantity } },
    };

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string url, object body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
