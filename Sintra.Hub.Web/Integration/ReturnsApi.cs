using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Sintra.Hub.Core.Integration;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Core.Returns;
using Sintra.Hub.Infrastructure.Integration;

namespace Sintra.Hub.Web.Integration;

/// <summary>
/// Return endpoints: list by last status change with a cursor, get, open, approve, reject and receive. Every change
/// goes through <see cref="ReturnService"/>, so the returnable quantities and the stock movements are the same as on
/// the staff pages. Writes need an <c>Idempotency-Key</c> header.
/// </summary>
public static class ReturnsApi
{
    /// <summary>The last status change: the workflow sets these times in this order, so the latest set one wins.</summary>
    private static readonly Expression<Func<ReturnRequest, DateTime>> UpdatedAt =
        r => r.ClosedAt ?? r.ReceivedAt ?? r.DecidedAt ?? r.RequestedAt;

    private static readonly Func<ReturnRequest, DateTime> UpdatedAtOf = UpdatedAt.Compile();

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/returns").WithTags("Returns");
        group.MapGet("/", ListAsync).RequireScope(ApiScopes.ReturnsRead)
            .WithSummary("List returns by last status change, oldest first; filter by status and order id");
        group.MapGet("/{id:guid}", GetAsync).RequireScope(ApiScopes.ReturnsRead)
            .WithSummary("Get a return with its lines, decisions, status and timeline");
        group.MapPost("/", OpenAsync).RequireScope(ApiScopes.ReturnsWrite)
            .Produces<ReturnDto>(StatusCodes.Status201Created)
            .WithSummary("Open a return for order lines; it waits for approval. Needs an Idempotency-Key header");
        group.MapPost("/{id:guid}/approve", ApproveAsync).RequireScope(ApiScopes.ReturnsWrite)
            .Produces<ReturnDto>()
            .WithSummary("Approve a requested return; needs an Idempotency-Key header");
        group.MapPost("/{id:guid}/reject", RejectAsync).RequireScope(ApiScopes.ReturnsWrite)
            .Produces<ReturnDto>()
            .WithSummary("Reject a requested return with a reason for the customer; needs an Idempotency-Key header");
        group.MapPost("/{id:guid}/receive", ReceiveAsync).RequireScope(ApiScopes.ReturnsWrite)
            .Produces<ReturnDto>()
            .WithSummary("Receive an approved return: restock, damaged or quality control per line, into a warehouse by code; needs an Idempotency-Key header");
    }

    private static async Task<Results<Ok<Page<ReturnSummaryDto>>, ValidationProblem>> ListAsync(
        HttpContext context,
        HubDbContext db,
        int? limit,
        string? after,
        DateTime? updatedSince,
        ReturnStatus? status,
        Guid? orderId,
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
        var query = db.Set<ReturnRequest>().AsNoTracking().Include(r => r.Lines).AsQueryable();
        if (status is { } wanted)
        {
            query = query.Where(r => r.Status == wanted);
        }

        if (orderId is { } order)
        {
            query = query.Where(r => r.OrderId == order);
        }

        var rows = new List<ReturnRequest>();
        if (cursor is { } position)
        {
            // Returns changed at the same instant as the cursor are few, so they are all read and the ones up to the
            // cursor's return are skipped. No return is listed twice or left out.
            var ties = await query.Where(Matches(position.At, equal: true)).OrderBy(r => r.Id).ToListAsync(cancellationToken);
            var index = ties.FindIndex(r => r.Id == position.Id);
            rows.AddRange(ties.Skip(index + 1).Take(size + 1));
            query = query.Where(Matches(position.At, equal: false));
        }
        else if (updatedSince?.ToUniversalTime() is { } since)
        {
            query = query.Where(Since(since));
        }

        if (rows.Count <= size)
        {
            rows.AddRange(await query.OrderBy(UpdatedAt).ThenBy(r => r.Id).Take(size + 1 - rows.Count)
                .ToListAsync(cancellationToken));
        }

        string? next = null;
        if (rows.Count > size)
        {
            var last = rows[size - 1];
            next = ApiPaging.NextUrl(context.Request, ApiPaging.Encode(
                $"{UpdatedAtOf(last).Ticks.ToString(CultureInfo.InvariantCulture)}|{last.Id}"));
        }

        ApiPaging.AddLink(context.Response, next);
        var items = rows.Take(size).Select(r => new ReturnSummaryDto(
                r.Id, r.Number, r.OrderId, r.ChannelId, r.Status, r.Lines.Sum(l => l.Quantity), r.RequestedAt, UpdatedAtOf(r)))
            .ToList();
        return TypedResults.Ok(new Page<ReturnSummaryDto>(items, next));
    }

    private static async Task<Results<Ok<ReturnDto>, ProblemHttpResult>> GetAsync(
        Guid id, HubDbContext db, CancellationToken cancellationToken)
    {
        var dto = await LoadAsync(db, id, cancellationToken);
        return dto is null ? ApiProblems.NotFound($"No return has the id {id}.") : TypedResults.Ok(dto);
    }

    private static async Task<IResult> OpenAsync(
        OpenReturnInput input,
        HttpContext context,
        HubDbContext db,
        ReturnService returns,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = CheckOpen(input);
        return await WriteAsync(context, db, clock, input, errors, ownsTransaction: false, async actor =>
        {
            var locale = input.Locale?.Trim();
            if (string.IsNullOrEmpty(locale))
            {
                locale = await db.Set<ChannelReturnSettings>().AsNoTracking()
                    .Where(s => db.Orders.Any(o => o.Id == input.OrderId && o.ChannelId == s.ChannelId))
                    .Select(s => s.DefaultLocale).FirstOrDefaultAsync(cancellationToken) ?? "it";
            }

            // The API opens returns as the customer's returns page does. They wait for approval, and the channel's
            // return window and reason list apply.
            var draft = new ReturnDraft(
                input.OrderId!.Value,
                input.Reason!.Trim(),
                input.Comment,
                input.Lines!.Select(l => new ReturnDraftLine(l.OrderLineId!.Value, l.Quantity!.Value, l.Reason?.Trim())).ToList(),
                ReturnOrigin.Customer,
                locale,
                actor);
            var result = await returns.CreateAsync(draft, cancellationToken);
            if (!result.Succeeded)
            {
                return new WriteOutcome(await OpenProblemAsync(db, input, result, cancellationToken), null);
            }

            return new WriteOutcome(null, result.Return!.Id, StatusCodes.Status201Created);
        }, cancellationToken);
    }

    private static Task<IResult> ApproveAsync(
        Guid id,
        HttpContext context,
        HubDbContext db,
        ReturnService returns,
        TimeProvider clock,
        CancellationToken cancellationToken) =>
        WriteAsync(context, db, clock, new { id }, new(), ownsTransaction: false, async actor =>
            await TransitionAsync(db, id, () => returns.ApproveAsync(id, actor, cancellationToken), cancellationToken),
            cancellationToken);

    private static Task<IResult> RejectAsync(
        Guid id,
        RejectReturnInput input,
        HttpContext context,
        HubDbContext db,
        ReturnService returns,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var reason = input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            errors["reason"] = ["reason is missing; say why the return is rejected, the customer reads it in the e-mail."];
        }
        else if (reason.Length > ReturnService.MaxCommentLength)
        {
            errors["reason"] = [$"reason has {reason.Length} characters; shorten it to {ReturnService.MaxCommentLength} or fewer."];
        }

        return WriteAsync(context, db, clock, input, errors, ownsTransaction: false, async actor =>
            await TransitionAsync(db, id, () => returns.RejectAsync(id, reason!, actor, cancellationToken), cancellationToken),
            cancellationToken);
    }

    private static Task<IResult> ReceiveAsync(
        Guid id,
        ReceiveReturnInput input,
        HttpContext context,
        HubDbContext db,
        ReturnService returns,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = CheckReceive(input);

        // NOTE: ReturnService.ReceiveAsync commits its own transaction, so the idempotency record follows in a second
        // save. If the process stops between the two, a retry gets 409 because the return is closed, and moves no stock.
        return WriteAsync(context, db, clock, input, errors, ownsTransaction: true, async actor =>
        {
            var codes = input.Lines!.Select(l => l.Warehouse!.Trim()).Distinct().ToList();
            var warehouses = await db.Warehouses.AsNoTracking().Where(w => codes.Contains(w.Code))
                .Select(w => new { w.Id, w.Code }).ToListAsync(cancellationToken);

            // Compared again in memory because SQL Server's default collation ignores case.
            var byCode = warehouses.Where(w => codes.Contains(w.Code, StringComparer.Ordinal))
                .ToDictionary(w => w.Code, w => w.Id, StringComparer.Ordinal);
            if (codes.FirstOrDefault(c => !byCode.ContainsKey(c)) is { } unknown)
            {
                return new WriteOutcome(ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "Unknown warehouse",
                    $"No warehouse has the code '{unknown}'; send the code of an existing warehouse."), null);
            }

            var decisions = input.Lines!.Select(l => new ReturnLineDecision(
                l.ReturnLineId!.Value, l.Decision!.Value, byCode[l.Warehouse!.Trim()])).ToList();
            return await TransitionAsync(db, id,
                () => returns.ReceiveAsync(id, decisions, input.RefundAmount ?? 0m, actor, cancellationToken),
                cancellationToken);
        }, cancellationToken);
    }

    private static Dictionary<string, string[]> CheckOpen(OpenReturnInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.OrderId is null)
        {
            errors["orderId"] = ["orderId is missing; send the id of the order the units come from."];
        }

        if (string.IsNullOrWhiteSpace(input.Reason))
        {
            errors["reason"] = ["reason is missing; send a reason code from the channel's list of return reasons."];
        }

        if (input.Locale is { } locale && locale.Trim() is not ("" or "it" or "en"))
        {
            errors["locale"] = [$"locale '{locale}' is not supported; send 'it' or 'en'."];
        }

        if (input.Lines is not { Count: > 0 })
        {
            errors["lines"] = ["lines is empty; send at least one order line with a quantity of 1 or more."];
            return errors;
        }

        for (var i = 0; i < input.Lines.Count; i++)
        {
            var line = input.Lines[i];
            if (line.OrderLineId is null)
            {
                errors[$"lines[{i}].orderLineId"] = ["orderLineId is missing; send the id of a line of the order."];
            }

            if (line.Quantity is null or < 1)
            {
                errors[$"lines[{i}].quantity"] = [$"quantity {Show(line.Quantity)} is invalid; send 1 or more."];
            }
        }

        return errors;
    }

    private static Dictionary<string, string[]> CheckReceive(ReceiveReturnInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.RefundAmount is < 0)
        {
            errors["refundAmount"] = [$"refundAmount {input.RefundAmount.Value.ToString(CultureInfo.InvariantCulture)} is invalid; send 0 or a positive amount."];
        }

        if (input.Lines is not { Count: > 0 })
        {
            errors["lines"] = ["lines is empty; send a decision for every line of the return."];
            return errors;
        }

        for (var i = 0; i < input.Lines.Count; i++)
        {
            var line = input.Lines[i];
            if (line.ReturnLineId is null)
            {
                errors[$"lines[{i}].returnLineId"] = ["returnLineId is missing; send the id of a line of the return."];
            }

            if (line.Decision is null)
            {
                errors[$"lines[{i}].decision"] = ["decision is missing; send Restock, Damaged or QualityControl."];
            }

            if (string.IsNullOrWhiteSpace(line.Warehouse))
            {
                errors[$"lines[{i}].warehouse"] = ["warehouse is missing; send the code of the warehouse that takes the units."];
            }
        }

        if (input.Lines.Where(l => l.ReturnLineId is not null).GroupBy(l => l.ReturnLineId).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            errors["lines"] = [$"Line {twice.Key} appears {twice.Count()} times; send one decision per line."];
        }

        return errors;
    }

    /// <summary>
    /// Maps a rejected draft to a problem. Too many units gives 422 with the order line and its maximum as
    /// <c>orderLineId</c> and <c>maximum</c>, computed again with the same <see cref="ReturnableQuantities"/> rule.
    /// </summary>
    private static async Task<IResult> OpenProblemAsync(
        HubDbContext db, OpenReturnInput input, ReturnCreateResult result, CancellationToken cancellationToken)
    {
        switch (result.Problem)
        {
            case ReturnDraftProblem.OrderNotFound:
                return ApiProblems.NotFound($"No order has the id {input.OrderId}.");
            case ReturnDraftProblem.TooManyUnits:
                var order = await db.Orders.AsNoTracking().Include(o => o.Lines)
                    .SingleAsync(o => o.Id == input.OrderId, cancellationToken);
                var returnable = await ReturnableQuantities.ComputeAsync(db, order, cancellationToken);
                var extensions = new Dictionary<string, object?>();
                var over = input.Lines!.Select(l => (Line: l, Allowed: returnable.Single(r => r.OrderLineId == l.OrderLineId)))
                    .FirstOrDefault(x => x.Line.Quantity > x.Allowed.Returnable);
                if (over.Line is not null)
                {
                    extensions["orderLineId"] = over.Allowed.OrderLineId;
                    extensions["maximum"] = over.Allowed.Returnable;
                }

                return TypedResults.Problem(result.Error, statusCode: StatusCodes.Status422UnprocessableEntity,
                    title: "Too many units", extensions: extensions);
            default:
                return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "Invalid return", result.Error!);
        }
    }

    /// <summary>Runs a workflow step. A missing return gives 404, and a step that the workflow rejects gives 409.</summary>
    private static async Task<WriteOutcome> TransitionAsync(
        HubDbContext db, Guid id, Func<Task<ReturnTransition>> step, CancellationToken cancellationToken)
    {
        if (!await db.Set<ReturnRequest>().AnyAsync(r => r.Id == id, cancellationToken))
        {
            return new WriteOutcome(ApiProblems.NotFound($"No return has the id {id}."), null);
        }

        var result = await step();
        return result.Changed
            ? new WriteOutcome(null, id)
            : new WriteOutcome(ApiProblems.Conflict(result.Error!), null);
    }

    /// <summary>
    /// Checks the request and the idempotency key, runs <paramref name="change"/> and stores the response under the key.
    /// Unless the change commits its own transaction, the change and the record commit together.
    /// </summary>
    private static async Task<IResult> WriteAsync(
        HttpContext context,
        HubDbContext db,
        TimeProvider clock,
        object input,
        Dictionary<string, string[]> errors,
        bool ownsTransaction,
        Func<string, Task<WriteOutcome>> change,
        CancellationToken cancellationToken)
    {
        var key = ApiIdempotency.ReadKey(context, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var keyId = ApiIdempotency.ApiKeyId(context);
        var requestHash = ApiIdempotency.RequestHash(context, input);
        if (await ApiIdempotency.ReplayAsync(db, keyId, key, requestHash, cancellationToken) is { } replay)
        {
            return replay;
        }

        var actor = $"api:{context.User.Identity?.Name}";
        IDbContextTransaction? transaction = ownsTransaction ? null : await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var outcome = await change(actor);
            if (outcome.Problem is not null)
            {
                return outcome.Problem;
            }

            var dto = await LoadAsync(db, outcome.ReturnId!.Value, cancellationToken)
                ?? throw new InvalidOperationException($"Return {outcome.ReturnId} was not found after the change.");
            var body = JsonSerializer.Serialize(dto, WebhookPublisher.Json);
            ApiIdempotency.Add(db, keyId, key, requestHash, outcome.StatusCode, body, clock.GetUtcNow().UtcDateTime);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                if (transaction is not null)
                {
                    await transaction.CommitAsync(cancellationToken);
                }
            }
            catch (DbUpdateException) when (transaction is not null)
            {
                // A concurrent request with the same key committed first, so its change is kept and this one rolls back.
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return await ApiIdempotency.ReplayAsync(db, keyId, key, requestHash, cancellationToken)
                    ?? throw new InvalidOperationException("The idempotency record vanished after a conflict.");
            }

            if (outcome.StatusCode == StatusCodes.Status201Created)
            {
                context.Response.Headers.Location = $"{context.Request.PathBase}/api/v1/returns/{dto.Id}";
            }

            return Results.Text(body, "application/json", System.Text.Encoding.UTF8, outcome.StatusCode);
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    private static async Task<ReturnDto?> LoadAsync(HubDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var detail = await new ReturnQueries(db).GetDetailAsync(id, cancellationToken);
        if (detail is null)
        {
            return null;
        }

        var request = detail.Request;
        var warehouseIds = request.Lines.Select(l => l.WarehouseId).OfType<Guid>().Distinct().ToList();
        var codes = await db.Warehouses.AsNoTracking().Where(w => warehouseIds.Contains(w.Id))
            .ToDictionaryAsync(w => w.Id, w => w.Code, cancellationToken);
        var lines = detail.Lines.Select(l => new ReturnLineDto(
                l.Line.Id,
                l.Line.OrderLineId,
                l.Title,
                l.Sku,
                l.Line.Quantity,
                l.Line.ReasonCode,
                l.Line.Disposition,
                l.Line.WarehouseId is { } warehouseId ? codes.GetValueOrDefault(warehouseId) : null,
                l.Line.RefundedQuantity))
            .ToList();
        var timeline = detail.Timeline.Select(e => new ReturnEventDto(e.OccurredAt, e.Kind, e.Message, e.Actor)).ToList();
        return new ReturnDto(
            request.Id,
            request.Number,
            request.OrderId,
            detail.OrderName,
            request.ChannelId,
            request.Status,
            request.Origin,
            request.ReasonCode,
            request.CustomerComment,
            request.RejectionReason,
            request.Locale,
            request.RequestedAt,
            request.DecidedAt,
            request.ReceivedAt,
            request.ClosedAt,
            UpdatedAtOf(request),
            detail.Currency,
            request.RefundAmount,
            lines,
            timeline);
    }

    private static Expression<Func<ReturnRequest, bool>> Matches(DateTime at, bool equal) => equal
        ? r => (r.ClosedAt ?? r.ReceivedAt ?? r.DecidedAt ?? r.RequestedAt) == at
        : r => (r.ClosedAt ?? r.ReceivedAt ?? r.DecidedAt ?? r.RequestedAt) > at;

    private static Expression<Func<ReturnRequest, bool>> Since(DateTime since) =>
        r => (r.ClosedAt ?? r.ReceivedAt ?? r.DecidedAt ?? r.RequestedAt) >= since;

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

    private static string Show(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";

    /// <summary>Result of a change: a problem to return as is, or the changed return and the success status.</summary>
    private sealed record WriteOutcome(IResult? Problem, Guid? ReturnId, int StatusCode = StatusCodes.Status200OK);
}
