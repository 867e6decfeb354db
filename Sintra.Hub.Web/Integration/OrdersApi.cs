using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Integration;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Orders.Shipping;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Web.Integration;

/// <summary>Order endpoints: list by last update with a cursor, get with lines and fiscal data, ship and cancel.</summary>
public static class OrdersApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/orders").WithTags("Orders");
        group.MapGet("/", ListAsync).RequireScope(ApiScopes.OrdersRead)
            .WithSummary("List orders by last update, oldest first; follow 'next' to read changes since the last call");
        group.MapGet("/{id:guid}", GetAsync).RequireScope(ApiScopes.OrdersRead)
            .WithSummary("Get an order with its lines and fiscal data");
        group.MapPost("/{id:guid}/ship", ShipAsync).RequireScope(ApiScopes.OrdersWrite)
            .WithSummary("Ship order lines from a warehouse; an empty line list ships everything left");
        group.MapPost("/{id:guid}/cancel", CancelAsync).RequireScope(ApiScopes.OrdersWrite)
            .WithSummary("Cancel an order that has not shipped and release its reserved stock");
    }

    private static async Task<Results<Ok<Page<OrderSummaryDto>>, ValidationProblem>> ListAsync(
        HttpContext context,
        HubDbContext db,
        int? limit,
        string? after,
        DateTime? updatedSince,
        OrderStatus? status,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (ApiPaging.CheckLimit(limit) is { } limitError)
        {
            errors["limit"] = [limitError];
        }

        (DateTime At, Guid Id)? cursor = null;
        if (after is not null)
        {
            cursor = ParseCursor(after);
            if (cursor is null)
            {
                errors["after"] = [$"after '{after}' is not a cursor of this list; pass the value from 'next' unchanged."];
            }
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var size = limit ?? ApiPaging.DefaultLimit;
        var query = db.Orders.AsNoTracking();
        if (status is { } wanted)
        {
            query = query.Where(o => o.Status == wanted);
        }

        var rows = new List<Order>();
        DateTime? from = updatedSince?.ToUniversalTime();
        if (cursor is { } position)
        {
            // Orders updated at the same instant as the cursor are few, so they are all read in database order.
            // The ones up to the cursor's order are skipped, so no order is returned twice or left out.
            var ties = await query.Where(o => o.UpdatedAt == position.At).OrderBy(o => o.Id)
                .ToListAsync(cancellationToken);
            var index = ties.FindIndex(o => o.Id == position.Id);
            rows.AddRange(ties.Skip(index + 1).Take(size + 1));
            query = query.Where(o => o.UpdatedAt > position.At);
        }
        else if (from is { } since)
        {
            query = query.Where(o => o.UpdatedAt >= since);
        }

        if (rows.Count <= size)
        {
            rows.AddRange(await query.OrderBy(o => o.UpdatedAt).ThenBy(o => o.Id).Take(size + 1 - rows.Count)
                .ToListAsync(cancellationToken));
        }

        string? next = null;
        if (rows.Count > size)
        {
            var last = rows[size - 1];
            next = ApiPaging.NextUrl(context.Request, ApiPaging.Encode(
                $"{last.UpdatedAt.Ticks.ToString(CultureInfo.InvariantCulture)}|{last.Id}"));
        }

        ApiPaging.AddLink(context.Response, next);
        return TypedResults.Ok(new Page<OrderSummaryDto>(rows.Take(size).Select(OrderSummaryDto.From).ToList(), next));
    }

    private static async Task<Results<Ok<OrderDto>, ProblemHttpResult>> GetAsync(
        Guid id, HubDbContext db, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines)
            .SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        return order is null ? ApiProblems.NotFound($"No order has the id {id}.") : TypedResults.Ok(OrderDto.From(order));
    }

    private static async Task<Results<Ok<ShipmentResult>, ValidationProblem, ProblemHttpResult>> ShipAsync(
        Guid id,
        ShipInput input,
        HttpContext context,
        IServiceProvider services,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < (input.Lines?.Count ?? 0); i++)
        {
            var line = input.Lines![i];
            if (line.OrderLineId is null && string.IsNullOrWhiteSpace(line.Sku))
            {
                errors[$"lines[{i}]"] = ["The line names neither orderLineId nor sku; send one of them."];
            }

            if (line.Quantity <= 0)
            {
                errors[$"lines[{i}].quantity"] = [$"quantity {line.Quantity} is invalid; send 1 or more."];
            }
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var shipping = services.GetService<IOrderShipping>();
        if (shipping is null)
        {
            return ApiProblems.Problem(StatusCodes.Status501NotImplemented, "Not Implemented",
                "Shipping is not available in this installation.");
        }

        var request = new ShipmentRequest(
            id,
            (input.Lines ?? []).Select(l => new ShipmentLineRequest(l.OrderLineId, l.Sku, l.Quantity)).ToList(),
            input.Carrier,
            input.TrackingNumber,
            input.TrackingUrl,
            input.WarehouseId,
            $"api:{context.User.Identity?.Name}",
            context.Request.Headers[StockApi.IdempotencyHeader].ToString() is { Length: > 0 } key ? $"api:{key}" : null);
        var result = await shipping.ShipAsync(request, cancellationToken);
        return result.Succeeded
            ? TypedResults.Ok(result)
            : ApiProblems.Conflict(result.Error!);
    }

    private static async Task<Results<Ok<OrderDto>, ValidationProblem, ProblemHttpResult>> CancelAsync(
        Guid id,
        CancelInput input,
        HttpContext context,
        HubDbContext db,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var reason = input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 200)
        {
            return ApiProblems.Validation(new Dictionary<string, string[]>
            {
                ["reason"] = [string.IsNullOrEmpty(reason)
                    ? "reason is missing; say why the order is cancelled, for example 'customer request'."
                    : $"reason has {reason.Length} characters; shorten it to 200 or fewer."],
            });
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await db.Orders.Include(o => o.Lines).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null)
        {
            return ApiProblems.NotFound($"No order has the id {id}.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var result = order.Cancel(reason, now);
        if (result.Error is not null)
        {
            return ApiProblems.Conflict(result.Error);
        }

        if (result.Changed)
        {
            var actor = $"api:{context.User.Identity?.Name}";
            var released = await new StockLedger(db, clock).ReleaseAsync(
                order.Lines.Select(l => l.Id).ToList(),
                new StockReference(StockReferenceTypes.Order, order.Id.ToString(), actor),
                cancellationToken);
            order.UpdatedAt = now;
            db.OrderEvents.Add(new OrderEvent
            {
                OrderId = order.Id,
                OccurredAt = now,
                Kind = "cancelled:api",
                Message = $"Cancelled by {actor}: {reason}. Released {released} reserved unit(s).",
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return TypedResults.Ok(OrderDto.From(order));
    }

    private static (DateTime At, Guid Id)? ParseCursor(string after)
    {
        var text = ApiPaging.Decode(after);
        var parts = text?.Split('|');
        if (parts is not { Length: 2 }
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks
            || !Guid.TryParse(parts[1], out var id))
        {
            return null;
        }

        return (new DateTime(ticks, DateTimeKind.Utc), id);
    }
}
