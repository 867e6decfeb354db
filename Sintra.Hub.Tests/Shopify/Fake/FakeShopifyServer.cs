using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Sintra.Hub.Infrastructure.Shopify.Admin;

namespace Sintra.Hub.Tests.Shopify.Fake;

/// <summary>
/// A local stand-in for one shop's GraphQL Admin API on 127.0.0.1. It runs the client's operations by
/// <c>operationName</c> against <see cref="Shop"/>, checks the access token and the API version, enforces the
/// cost bucket on an injectable clock, and records every request in <see cref="Requests"/>.
/// </summary>
public sealed partial class FakeShopifyServer : IAsyncDisposable
{
    public const string ShopDomain = "sintra-test.myshopify.com";
    public const string ApiVersion = "2026-04";

    /// <summary>
    /// Maximum requested cost of a single query. The 1,000 points come from Shopify's earlier rate-limit
    /// pages and are assumed to hold for 2026-04.
    /// </summary>
    public const double MaxSingleQueryCost = 1000;

    private readonly WebApplication app;
    private readonly ConcurrentQueue<FakeFailure> failures = new();
    private readonly ConcurrentQueue<FakeRequest> requests = new();
    private readonly ConcurrentDictionary<string, FakeFailure> operationFailures = new(StringComparer.Ordinal);
    private readonly TimeProvider timeProvider;

    private FakeShopifyServer(WebApplication app, TimeProvider timeProvider, FakeCostBucket bucket)
    {
        this.app = app;
        this.timeProvider = timeProvider;
        Bucket = bucket;
    }

    public FakeShop Shop { get; } = new();

    public FakeCostBucket Bucket { get; }

    public string AccessToken { get; } = "shpat_test_" + Guid.NewGuid().ToString("N");

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<FakeRequest> Requests => [.. requests];

    /// <summary>A connection to this server with its valid access token.</summary>
    public ShopifyShopConnection Connection => new(ShopDomain, AccessToken, BaseAddress);

    /// <summary>
    /// Starts the server. The default bucket, 2,000 points restoring 100 per second, matches the restore rate
    /// Shopify documents for the Standard plan. NOTE: the bucket size is an assumption, because the current
    /// rate-limit page gives only restore rates.
    /// </summary>
    public static async Task<FakeShopifyServer> StartAsync(TimeProvider? timeProvider = null,
        double maximumAvailable = 2000, double restoreRate = 100)
    {
        var clock = timeProvider ?? TimeProvider.System;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Development",
        });
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeShopifyServer(app, clock, new FakeCostBucket(maximumAvailable, restoreRate, clock));
        app.MapPost("/admin/api/{version}/graphql.json", server.HandleAsync);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single();
        server.BaseAddress = new Uri(address);
        return server;
    }

    /// <summary>Answers the next <paramref name="count"/> requests with <paramref name="failure"/>.</summary>
    public void FailNext(int count, FakeFailure failure)
    {
        for (var i = 0; i < count; i++)
        {
            failures.Enqueue(failure);
        }
    }

    /// <summary>
    /// Fails the next request of <paramref name="operationName"/> with <paramref name="failure"/>, whatever other
    /// requests come first.
    /// </summary>
    public void FailNextCall(string operationName, FakeFailure failure) => operationFailures[operationName] = failure;

    public IReadOnlyList<FakeRequest> RequestsFor(string operationName) =>
        Requests.Where(request => request.OperationName == operationName).ToList();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(string version, HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var operation = body?["operationName"]?.GetValue<string>();
        var variables = body?["variables"] as JsonObject ?? [];
        var query = body?["query"]?.GetValue<string>() ?? string.Empty;
        var call = new Call(operation, variables, IdempotencyKey(query, variables));

        if (version != ApiVersion)
        {
            return Respond(call, HttpStatusCode.NotFound, new JsonObject { ["errors"] = "Not Found" },
                "unknown-version");
        }

        if (context.Request.Headers["X-Shopify-Access-Token"] != AccessToken)
        {
            return Respond(call, HttpStatusCode.Unauthorized, new JsonObject
            {
                ["errors"] = "[API] Invalid API key or access token (unrecognized login or wrong password)",
            }, "unauthorized");
        }

        if (operation is not null && operationFailures.TryRemove(operation, out var targeted))
        {
            return await InjectAsync(call, targeted, context);
        }

        if (failures.TryDequeue(out var failure))
        {
            return await InjectAsync(call, failure, context);
        }

        return Respond(call, Execute(call));
    }

    private IResult Respond(Call call, Reply reply) => Respond(call, reply.Status, reply.Body, reply.Outcome);

    private IResult Respond(Call call, HttpStatusCode status, JsonObject body, string outcome)
    {
        requests.Enqueue(new FakeRequest(call.Operation, JsonSerializer.SerializeToElement(call.Variables),
            call.IdempotencyKey, (int)status, outcome));
        return TypedResults.Content(body.ToJsonString(), "application/json", statusCode: (int)status);
    }

    private sealed record Reply(HttpStatusCode Status, JsonObject Body, string Outcome);

    private sealed record Call(string? Operation, JsonObject Variables, string? IdempotencyKey);
}
