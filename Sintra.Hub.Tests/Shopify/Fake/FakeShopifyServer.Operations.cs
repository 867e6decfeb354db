using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

using Microsoft.AspNetCore.Http;

using Sintra.Hub.Infrastructure.Shopify.Admin;

namespace Sintra.Hub.Tests.Shopify.Fake;

public sealed partial class FakeShopifyServer
{
    /// <summary>Cost of a mutation, the default Shopify has published for mutations, assumed for 2026-04.</summary>
    private const double MutationCost = 10;

    /// <summary>Cost of one resource and its list of translatable content, an assumption with no published figure.</summary>
    private const double TranslatableResourceCost = 3;

    private Reply Execute(Call call)
    {
        if (RequestedCost(call) is not { } requested)
        {
            return new Reply(HttpStatusCode.OK, Errors($"Operation {call.Operation} is not served by this server",
                null), "unknown-operation");
        }

        if (requested > MaxSingleQueryCost)
        {
            return new Reply(HttpStatusCode.OK, Errors(
                $"Query cost is {requested}, which exceeds the single query max cost limit ({MaxSingleQueryCost}).",
                "MAX_COST_EXCEEDED", Cost(requested, null)), "max-cost-exceeded");
        }

        if (call.Operation is ShopifyAdminDocuments.SetOnHandQuantitiesOperation
                or ShopifyReturnDocuments.CreateRefundOperation
            && call.IdempotencyKey is null)
        {
            // NOTE: 2026-04 rejects this mutation without @idempotent at runtime; the exact error text is a guess.
            return new Reply(HttpStatusCode.OK, Errors("The @idempotent directive is required for this mutation",
                "BAD_REQUEST"), "missing-idempotency-key");
        }

        if (!Bucket.TryTake(requested))
        {
            return new Reply(HttpStatusCode.OK, Errors("Throttled", "THROTTLED", Cost(requested, null)),
                "throttled");
        }

        var (data, actual, outcome) = Run(call);
        Bucket.Refund(requested - actual);
        return new Reply(HttpStatusCode.OK, new JsonObject
        {
            ["data"] = data,
            ["extensions"] = Cost(requested, actual),
        }, outcome);
    }

    private (JsonObject Data, double ActualCost, string Outcome) Run(Call call)
    {
        switch (call.Operation)
        {
            case ShopifyAdminDocuments.GetLocationsOperation:
                var locations = Shop.GetLocations(call.Variables);
                return (locations.Data, locations.ActualCost, "ok");
            case ShopifyAdminDocuments.FindVariantsBySkuOperation:
                var variants = Shop.FindVariants(call.Variables);
                return (variants.Data, variants.ActualCost, "ok");
            case ShopifyAdminDocuments.GetInventoryLevelsOperation:
                var levels = Shop.GetInventoryLevels(call.Variables);
                return (levels.Data, levels.ActualCost, "ok");
            case ShopifyFulfillmentDocuments.GetFulfillmentOrdersOperation:
                var orders = Shop.GetFulfillmentOrders(call.Variables);
                return (orders.Data, orders.ActualCost, "ok");
            case ShopifyFulfillmentDocuments.CreateFulfillmentOperation:
                var created = Shop.CreateFulfillment(call.Variables);
                return (created.Data, MutationCost, created.Outcome);
            case ShopifyFulfillmentDocuments.CancelOrderOperation:
                var cancelled = Shop.CancelOrder(call.Variables);
                return (cancelled.Data, MutationCost, cancelled.Outcome);
            case ShopifyCatalogDocuments.SetProductOperation:
                return Shop.SetProduct(call.Variables, timeProvider.GetUtcNow());
            case ShopifyCatalogDocuments.UpdateVariantPricesOperation:
                var prices = Shop.UpdateVariantPrices(call.Variables, timeProvider.GetUtcNow());
                return (prices.Data, MutationCost, prices.Outcome);
            case ShopifyCatalogDocuments.SetProductStatusOperation:
                var status = Shop.SetProductStatus(call.Variables, timeProvider.GetUtcNow());
                return (status.Data, MutationCost, status.Outcome);
            case ShopifyCatalogDocuments.GetTranslatableResourceOperation:
                return (Shop.GetTranslatableResource(call.Variables), TranslatableResourceCost, "ok");
            case ShopifyCatalogDocuments.RegisterTranslationsOperation:
                var translations = Shop.RegisterTranslations(call.Variables);
                return (translations.Data, MutationCost, translations.Outcome);
            case ShopifyReturnDocuments.GetReturnableOrderOperation:
                var returnable = Shop.GetReturnableOrder(call.Variables);
                return (returnable.Data, returnable.ActualCost, "ok");
            case ShopifyReturnDocuments.RequestReturnOperation:
                var requestedReturn = Shop.OpenReturn(call.Variables, create: false);
                return (requestedReturn.Data, MutationCost, requestedReturn.Outcome);
            case ShopifyReturnDocuments.CreateReturnOperation:
                var createdReturn = Shop.OpenReturn(call.Variables, create: true);
                return (createdReturn.Data, MutationCost, createdReturn.Outcome);
            case ShopifyReturnDocuments.ApproveReturnOperation:
                var approved = Shop.ChangeReturn(call.Variables, "returnApproveRequest");
                return (approved.Data, MutationCost, approved.Outcome);
            case ShopifyReturnDocuments.DeclineReturnOperation:
                var declined = Shop.ChangeReturn(call.Variables, "returnDeclineRequest");
                return (declined.Data, MutationCost, declined.Outcome);
            case ShopifyReturnDocuments.CloseReturnOperation:
                var closed = Shop.ChangeReturn(call.Variables, "returnClose");
                return (closed.Data, MutationCost, closed.Outcome);
            case ShopifyReturnDocuments.CreateRefundOperation:
                var refunded = Shop.CreateRefund(call.Variables, call.IdempotencyKey!);
                return (refunded.Data, MutationCost, refunded.Outcome);
            default:
                var set = Shop.SetQuantities(call.Variables, call.IdempotencyKey!);
                return (set.Data, MutationCost, set.Outcome);
        }
    }

    /// <summary>
    /// Computes the requested cost as Shopify documents it: 1 point per object, and 2 points plus <c>first</c>
    /// times the cost of a node per connection; lists by id count each requested node.
    /// </summary>
    private static double? RequestedCost(Call call)
    {
        var first = call.Variables["first"]?.GetValue<int>() ?? 0;
        return call.Operation switch
        {
            ShopifyAdminDocuments.GetLocationsOperation => 2 + first,
            ShopifyAdminDocuments.FindVariantsBySkuOperation => 2 + (2 * first),
            ShopifyAdminDocuments.GetInventoryLevelsOperation => 2 * (call.Variables["ids"]?.AsArray().Count ?? 0),
            ShopifyAdminDocuments.SetOnHandQuantitiesOperation => MutationCost,

            // One point for the order, then per fulfillment order one for itself, its location and the location's
            // assignment, two for its line item connection and two per line item with its order line item.
            ShopifyFulfillmentDocuments.GetFulfillmentOrdersOperation =>
                3 + (first * (5 + (2 * (call.Variables["lineItemsFirst"]?.GetValue<int>() ?? 0)))),
            ShopifyFulfillmentDocuments.CreateFulfillmentOperation => MutationCost,
            ShopifyFulfillmentDocuments.CancelOrderOperation => MutationCost,
            // One point for the order, then per fulfillment one for itself, two for its line item connection and
            // two per line item with its order line item, and one per transaction.
            ShopifyReturnDocuments.GetReturnableOrderOperation =>
                1 + (first * (4 + (2 * (call.Variables["lineItemsFirst"]?.GetValue<int>() ?? 0)))),
            ShopifyReturnDocuments.RequestReturnOperation => MutationCost,
            ShopifyReturnDocuments.CreateReturnOperation => MutationCost,
            ShopifyReturnDocuments.ApproveReturnOperation => MutationCost,
            ShopifyReturnDocuments.DeclineReturnOperation => MutationCost,
            ShopifyReturnDocuments.CloseReturnOperation => MutationCost,
            ShopifyReturnDocuments.CreateRefundOperation => MutationCost,
            // The product's variant and media connections are requested with first: 250 each.
            ShopifyCatalogDocuments.SetProductOperation => MutationCost + (2 * (2 + 250)),
            ShopifyCatalogDocuments.UpdateVariantPricesOperation => MutationCost,
            ShopifyCatalogDocuments.SetProductStatusOperation => MutationCost,
            ShopifyCatalogDocuments.GetTranslatableResourceOperation => TranslatableResourceCost,
            ShopifyCatalogDocuments.RegisterTranslationsOperation => MutationCost,
            _ => null,
        };
    }

    private async Task<IResult> InjectAsync(Call call, FakeFailure failure, HttpContext context)
    {
        switch (failure.Kind)
        {
            case FakeFailureKind.ServerErrorAfterApplying:
                _ = Execute(call);
                return Respond(call, HttpStatusCode.InternalServerError, Errors("Internal error", null),
                    "injected-500-after-applying");
            case FakeFailureKind.TooManyRequests:
                context.Response.Headers.RetryAfter = failure.RetryAfterSeconds.ToString();
                return Respond(call, HttpStatusCode.TooManyRequests, Errors("Throttled", "THROTTLED"), "injected-429");
            case FakeFailureKind.Throttled:
                var requested = RequestedCost(call) ?? 0;
                return Respond(call, HttpStatusCode.OK, Errors("Throttled", "THROTTLED", Cost(requested, null)),
                    "injected-throttled");
            case FakeFailureKind.Hang:
                // Recorded on arrival, because a client that times out aborts the request before any response.
                var hung = Respond(call, HttpStatusCode.InternalServerError, Errors("Internal error", null),
                    "injected-hang");
                await Task.Delay(failure.Delay, timeProvider, context.RequestAborted);
                return hung;
            default:
                return Respond(call, HttpStatusCode.InternalServerError, Errors("Internal error", null),
                    "injected-500");
        }
    }

    private JsonObject Cost(double requested, double? actual) => new()
    {
        ["cost"] = new JsonObject
        {
            ["requestedQueryCost"] = requested,
            ["actualQueryCost"] = actual,
            ["throttleStatus"] = new JsonObject
            {
                ["maximumAvailable"] = Bucket.MaximumAvailable,
                ["currentlyAvailable"] = Bucket.CurrentlyAvailable,
                ["restoreRate"] = Bucket.RestoreRate,
            },
        },
    };

    private static JsonObject Errors(string message, string? code, JsonObject? extensions = null)
    {
        var error = new JsonObject { ["message"] = message };
        if (code is not null)
        {
            error["extensions"] = new JsonObject { ["code"] = code };
        }

        return new JsonObject { ["errors"] = new JsonArray(error), ["extensions"] = extensions };
    }

    /// <summary>Reads the key of <c>@idempotent(key: ...)</c>, a string literal or a variable.</summary>
    private static string? IdempotencyKey(string query, JsonObject variables)
    {
        var match = IdempotentDirective().Match(query);
        if (!match.Success)
        {
            return null;
        }

        return match.Groups["variable"].Success
            ? variables[match.Groups["variable"].Value]?.GetValue<string>()
            : match.Groups["literal"].Value;
    }

    [GeneratedRegex("""@idempotent\(\s*key:\s*(?:\$(?<variable>\w+)|"(?<literal>[^"]*)")\s*\)""")]
    private static partial Regex IdempotentDirective();
}
