using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Catalog.Versions;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Integration;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.Integration;

public sealed class ApiEndpointTests
{
    private static object NewProduct(string handle, string sku) => new
    {
        handle,
        title = "Tazza " + handle,
        vendor = "Sintra",
        variants = new[] { new { sku, price = 12.5m } },
    };

    [Fact]
    public async Task ProductCreateGetAndConditionalUpdate()
    {
        using var app = new ApiTestApp();
        using var client = await app.ClientAsync(ApiScopes.ProductsRead, ApiScopes.ProductsWrite);

        using var created = await client.PostAsJsonAsync("/api/v1/products", NewProduct("tazza-blu", "TZ-BLU"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var product = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = product.GetProperty("id").GetGuid();
        Assert.Equal("/api/v1/products/" + id, created.Headers.Location?.ToString());
        Assert.Single(app.Versioning.Calls);
        Assert.Equal(VersionSourceKinds.Api, app.Versioning.Calls[0].Source.Kind);

        using var bySku = await client.GetAsync("/api/v1/products/by-sku/TZ-BLU");
        using var byHandle = await client.GetAsync("/api/v1/products/by-handle/tazza-blu");
        Assert.Equal(id, (await bySku.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal(id, (await byHandle.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        var etag = bySku.Headers.ETag!.ToString();

        using var update = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/products/{id}")
        {
            Content = JsonContent.Create(new { handle = "tazza-blu", title = "Tazza blu grande" }),
        };
        update.Headers.TryAddWithoutValidation("If-Match", etag);
        using var updated = await client.SendAsync(update);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.NotEqual(etag, updated.Headers.ETag!.ToString());

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/products/{id}")
        {
            Content = JsonContent.Create(new { handle = "tazza-blu", title = "Lost update" }),
        };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        using var rejected = await client.SendAsync(stale);
        await AssertProblemAsync(rejected, HttpStatusCode.PreconditionFailed);

        await using var db = app.CreateDbContext();
        Assert.Equal("Tazza blu grande", (await db.Products.AsNoTracking().SingleAsync(p => p.Id == id)).Title);
        Assert.Equal(2, app.Versioning.Calls.Count);
    }

    [Fact]
    public async Task ProblemShapesFor400And404And409()
    {
        using var app = new ApiTestApp();
        using var client = await app.ClientAsync(ApiScopes.ProductsRead, ApiScopes.ProductsWrite);

        using var invalid = await client.PostAsJsonAsync("/api/v1/products", new
        {
            handle = "Bad Handle",
            title = "",
            variants = new[] { new { sku = "X", price = -1m } },
        });
        var problem = await AssertProblemAsync(invalid, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Contains("'Bad Handle'", errors.GetProperty("handle")[0].GetString());
        Assert.Contains("missing", errors.GetProperty("title")[0].GetString());
        Assert.Contains("-1", errors.GetProperty("variants[0].price")[0].GetString());

        using var missing = await client.GetAsync($"/api/v1/products/{Guid.NewGuid()}");
        await AssertProblemAsync(missing, HttpStatusCode.NotFound);

        using var first = await client.PostAsJsonAsync("/api/v1/products", NewProduct("tazza", "TZ-1"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        using var duplicate = await client.PostAsJsonAsync("/api/v1/products", NewProduct("tazza", "TZ-2"));
        var conflict = await AssertProblemAsync(duplicate, HttpStatusCode.Conflict);
        Assert.Contains("'tazza'", conflict.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ProductPagingStableAcrossPages()
    {
        using var app = new ApiTestApp();
        using var client = await app.ClientAsync(ApiScopes.ProductsRead);
        await using (var db = app.CreateDbContext())
        {
            for (var i = 0; i < 7; i++)
            {
                db.Products.Add(new Product { Handle = $"p-{i:00}", Title = $"P {i}" });
            }

            await db.SaveChangesAsync();
        }

        var seen = new List<string>();
        string? next = "/api/v1/products?limit=3";
        var pages = 0;
        while (next is not null)
        {
            using var response = await client.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("handle").GetString()!));
            next = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString();
            Assert.Equal(next is not null, response.Headers.Contains("Link"));
            pages++;

            // A product added after the first page sorts before the cursor and must not shift later pages.
            if (pages == 1)
            {
                await using var db = app.CreateDbContext();
                db.Products.Add(new Product { Handle = "p-00a", Title = "Late" });
                await db.SaveChangesAsync();
            }
        }

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"p-{i:00}"), seen);

        using var tooLarge = await client.GetAsync("/api/v1/products?limit=500");
        var problem = await AssertProblemAsync(tooLarge, HttpStatusCode.BadRequest);
        Assert.Contains("500", problem.GetProperty("errors").GetProperty("limit")[0].GetString());
    }

    [Fact]
    public async Task OrderPagingFollowsUpdatedCursor()
    {
        using var app = new ApiTestApp();
        using var client = await app.ClientAsync(ApiScopes.OrdersRead);
        var sameInstant = new DateTime(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc);
        await using (var db = app.CreateDbContext())
        {
            var channel = new SalesChannel { Name = "Shop", ShopDomain = "shop.myshopify.com" };
            db.Channels.Add(channel);
            for (var i = 0; i < 5; i++)
            {
                db.Orders.Add(new Order
                {
                    ChannelId = channel.Id,
                    ExternalId = i + 1,
                    Name = $"#{1000 + i}",
                    Currency = "EUR",
                    PresentmentCurrency = "EUR",
                    UpdatedAt = i < 3 ? sameInstant : sameInstant.AddMinutes(i),
                });
            }

            await db.SaveChangesAsync();
        }

        var names = new List<string>();
        string? next = "/api/v1/orders?limit=2&updatedSince=2026-01-01T00:00:00Z";
        while (next is not null)
        {
            var page = await client.GetFromJsonAsync<JsonElement>(next);
            names.AddRange(page.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("name").GetString()!));
            next = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString();
        }

        Assert.Equal(5, names.Count);
        Assert.Equal(5, names.Distinct().Count());
        Assert.Equal(["#1003", "#1004"], names[3..]);
    }

    [Fact]
    public async Task StockWriteIdempotentThroughLedger()
    {
        using var app = new ApiTestApp();
        using var client = await app.ClientAsync(ApiScopes.StockRead, ApiScopes.StockWrite);
        await using (var db = app.CreateDbContext())
        {
            await CatalogSeed.AddAsync(db, "MIL", "TZ-1");
        }

        async Task<HttpResponseMessage> AdjustAsync(string key, int delta)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/stock/TZ-1/warehouses/MIL/adjustments")
            {
                Content = JsonContent.Create(new { delta, reason = "delivery from supplier" }),
            };
            request.Headers.Add("Idempotency-Key", key);
            return await client.SendAsync(request);
        }

        using var first = await AdjustAsync("key-1", 5);
        using var repeat = await AdjustAsync("key-1", 5);
        using var reused = await AdjustAsync("key-1", 7);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await repeat.Content.ReadAsStringAsync());
        await AssertProblemAsync(reused, HttpStatusCode.UnprocessableEntity);

        var stock = await client.GetFromJsonAsync<JsonElement>("/api/v1/stock/TZ-1");
        var warehouse = stock.GetProperty("warehouses")[0];
        Assert.Equal(5, warehouse.GetProperty("onHand").GetInt32());
        Assert.Equal(5, warehouse.GetProperty("available").GetInt32());

        await using var check = app.CreateDbContext();
        var movement = await check.InventoryMovements.AsNoTracking().SingleAsync();
        Assert.Equal(MovementReason.Adjustment, movement.Reason);
        Assert.Equal(5, movement.OnHandDelta);
        Assert.StartsWith("api:", movement.Actor);
    }

    [Fact]
    public async Task StockWriteWithoutKeyRejected()
    {
        using var app = new ApiTestApp();
        using var client = await app.ClientAsync(ApiScopes.StockWrite);
        await using (var db = app.CreateDbContext())
        {
            await CatalogSeed.AddAsync(db, "MIL", "TZ-1");
        }

        using var response = await client.PutAsJsonAsync("/api/v1/stock/TZ-1/warehouses/MIL/on-hand", new { onHand = -2 });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
        Assert.Contains("-2", problem.GetProperty("errors").GetProperty("onHand")[0].GetString());
        await using var check = app.CreateDbContext();
        Assert.False(await check.InventoryMovements.AnyAsync());
    }

    [Fact]
    public async Task CancelReleasesReservedStock()
    {
        using var app = new ApiTestApp();
        using var client = await app.ClientAsync(ApiScopes.OrdersWrite);
        Guid orderId;
        await using (var db = app.CreateDbContext())
        {
            var scene = await Stock.StockScene.CreateAsync(db, TimeProvider.System, milan: 4, rome: 0);
            var ledger = new StockLedger(db, TimeProvider.System);
            await ledger.ReserveAsync(scene.LineIds[0], scene.VariantId, scene.MilanId, 3, Stock.StockScene.Seed, default);
            await db.SaveChangesAsync();
            orderId = (await db.OrderLines.AsNoTracking().SingleAsync(l => l.Id == scene.LineIds[0])).OrderId;
        }

        using var response = await client.PostAsJsonAsync($"/api/v1/orders/{orderId}/cancel", new { reason = "customer request" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var check = app.CreateDbContext();
        Assert.Equal(OrderStatus.Cancelled, (await check.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId)).Status);
        Assert.Equal(0, await check.InventoryLevels.SumAsync(l => l.Reserved));
    }

    [Fact]
    public async Task ShipCallsOrderShipping()
    {
        using var app = new ApiTestApp();
        using var client = await app.ClientAsync(ApiScopes.OrdersWrite);
        var orderId = Guid.NewGuid();
        var lineId = Guid.NewGuid();

        using var invalid = await client.PostAsJsonAsync($"/api/v1/orders/{orderId}/ship",
            new { lines = new[] { new { orderLineId = lineId, quantity = 0 } } });
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/orders/{orderId}/ship")
        {
            Content = JsonContent.Create(new
            {
                carrier = "BRT",
                trackingNumber = "123456",
                lines = new[] { new { orderLineId = lineId, quantity = 1 } },
            }),
        };
        request.Headers.Add("Idempotency-Key", "ship-1");
        using var shipped = await client.SendAsync(request);

        var problem = await AssertProblemAsync(invalid, HttpStatusCode.BadRequest);
        Assert.Contains("quantity 0", problem.GetProperty("errors").GetProperty("lines[0].quantity")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, shipped.StatusCode);
        var call = Assert.Single(app.Shipping.Requests);
        Assert.Equal(orderId, call.OrderId);
        Assert.Equal(lineId, call.Lines.Single().OrderLineId);
        Assert.Equal("BRT", call.Carrier);
        Assert.StartsWith("api:", call.Source);
        Assert.Equal("api:ship-1", call.ExternalReference);
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }
}
