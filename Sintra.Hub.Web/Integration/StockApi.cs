using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Integration;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Integration;

namespace Sintra.Hub.Web.Integration;

/// <summary>
/// Stock endpoints: levels of a SKU per warehouse and per channel, and writes through <see cref="StockLedger"/>.
/// Writes require an <c>Idempotency-Key</c> header: the first response is stored with the change, in one transaction,
/// and a repeated key returns that response without moving stock again.
/// </summary>
public static class StockApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/stock").WithTags("Stock");
        group.MapGet("/{sku}", GetAsync).RequireScope(ApiScopes.StockRead)
            .WithSummary("Get on hand, reserved, unavailable and available of a SKU per warehouse and per channel");
        group.MapPut("/{sku}/warehouses/{warehouse}/on-hand", SetOnHandAsync).RequireScope(ApiScopes.StockWrite)
            .WithSummary("Set the counted on hand of a SKU in a warehouse (by code); needs an Idempotency-Key header");
        group.MapPost("/{sku}/warehouses/{warehouse}/adjustments", AdjustAsync).RequireScope(ApiScopes.StockWrite)
            .WithSummary("Add or remove on hand units with a reason; needs an Idempotency-Key header");
    }

    private static async Task<Results<Ok<StockDto>, ProblemHttpResult>> GetAsync(
        string sku, HubDbContext db, CancellationToken cancellationToken)
    {
        var variantId = await FindVariantAsync(db, sku, cancellationToken);
        return variantId is null
            ? ApiProblems.NotFound($"No variant has the SKU '{sku}'.")
            : TypedResults.Ok(await LoadAsync(db, variantId.Value, sku, cancellationToken));
    }

    private static Task<IResult> SetOnHandAsync(
        string sku,
        string warehouse,
        SetOnHandInput input,
        HttpContext context,
        HubDbContext db,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.OnHand is null or < 0)
        {
            errors["onHand"] = [$"onHand {Show(input.OnHand)} is invalid; send the counted units, 0 or more."];
        }

        if (input.Reason?.Trim().Length > StockRules.MaxReasonLength)
        {
            errors["reason"] = [$"reason has {input.Reason.Trim().Length} characters; shorten it to {StockRules.MaxReasonLength} or fewer."];
        }

        return WriteAsync(context, db, clock, sku, warehouse, input, errors, async (ledger, variantId, warehouseId, actor) =>
        {
            var movement = await ledger.SetOnHandAsync(variantId, warehouseId, input.OnHand!.Value, MovementReason.Count,
                new StockReference(StockReferenceTypes.Adjustment, Guid.CreateVersion7().ToString(), actor),
                cancellationToken);
            movement?.Note = input.Reason?.Trim();
            return null;
        }, cancellationToken);
    }

    private static Task<IResult> AdjustAsync(
        string sku,
        string warehouse,
        AdjustInput input,
        HttpContext context,
        HubDbContext db,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.Delta is null or 0)
        {
            errors["delta"] = [$"delta {Show(input.Delta)} is invalid; send a non-zero number of units to add or remove."];
        }

        if (StockRules.CheckReason(input.Reason) is { } reasonError)
        {
            errors["reason"] = [reasonError == StockRules.Errors.ReasonRequired
                ? "reason is missing; say why the stock changes, for example 'damaged in transit'."
                : $"reason is longer than {StockRules.MaxReasonLength} characters; shorten it."];
        }

        return WriteAsync(context, db, clock, sku, warehouse, input, errors, async (ledger, variantId, warehouseId, actor) =>
        {
            var result = await ledger.AdjustAsync(variantId, warehouseId, input.Delta!.Value, input.Reason, actor,
                allowNegative: false, cancellationToken);
            return result.Succeeded
                ? null
                : ApiProblems.Conflict(
                    $"Removing {-input.Delta} units would take on hand below zero in warehouse '{warehouse}'; "
                    + "read the stock and send a smaller delta.");
        }, cancellationToken);
    }

    private static async Task<IResult> WriteAsync(
        HttpContext context,
        HubDbContext db,
        TimeProvider clock,
        string sku,
        string warehouseCode,
        object input,
        Dictionary<string, string[]> errors,
        Func<StockLedger, Guid, Guid, string, Task<IResult?>> change,
        CancellationToken cancellationToken)
    {
        var key = context.Request.Headers[IdempotencyHeader].ToString().Trim();
        if (key.Length is 0 or > 100)
        {
            errors[IdempotencyHeader] = [$"The {IdempotencyHeader} header is {(key.Length == 0 ? "missing" : "longer than 100 characters")}; "
                + "send a unique value per change, such as a UUID, and repeat it only when retrying the same change."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var keyId = Guid.Parse(context.User.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)!.Value);
        var requestHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{context.Request.Method} {context.Request.Path}\n{JsonSerializer.Serialize(input, WebhookPublisher.Json)}")));
        if (await ReplayAsync(db, keyId, key, requestHash, cancellationToken) is { } replay)
        {
            return replay;
        }

        var variantId = await FindVariantAsync(db, sku, cancellationToken);
        if (variantId is null)
        {
            return ApiProblems.NotFound($"No variant has the SKU '{sku}'.");
        }

        var warehouseId = await db.Warehouses.Where(w => w.Code == warehouseCode).Select(w => (Guid?)w.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (warehouseId is null)
        {
            return ApiProblems.NotFound($"No warehouse has the code '{warehouseCode}'; list warehouses in the hub.");
        }

        var actor = $"api:{context.User.Identity?.Name}";
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rejected = await change(new StockLedger(db, clock), variantId.Value, warehouseId.Value, actor);
        if (rejected is not null)
        {
            return rejected;
        }

        await db.SaveChangesAsync(cancellationToken);
        var stock = await LoadAsync(db, variantId.Value, sku, cancellationToken);
        db.ApiIdempotencyRecords.Add(new ApiIdempotencyRecord
        {
            ApiKeyId = keyId,
            Key = key,
            RequestHash = requestHash,
            StatusCode = StatusCodes.Status200OK,
            ResponseBody = JsonSerializer.Serialize(stock, WebhookPublisher.Json),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent request with the same key committed first; its change is kept and this one rolls back.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return await ReplayAsync(db, keyId, key, requestHash, cancellationToken)
                ?? throw new InvalidOperationException("The idempotency record vanished after a conflict.");
        }

        return TypedResults.Ok(stock);
    }

    private static async Task<IResult?> ReplayAsync(
        HubDbContext db, Guid keyId, string key, string requestHash, CancellationToken cancellationToken)
    {
        var record = await db.ApiIdempotencyRecords.AsNoTracking()
            .SingleOrDefaultAsync(r => r.ApiKeyId == keyId && r.Key == key, cancellationToken);
        if (record is null)
        {
            return null;
        }

        if (record.RequestHash != requestHash)
        {
            return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "Idempotency key reused",
                $"The {IdempotencyHeader} '{key}' was used for a different request; send a new key for a new change.");
        }

        return Results.Text(record.ResponseBody, "application/json", Encoding.UTF8, record.StatusCode);
    }

    private static async Task<Guid?> FindVariantAsync(HubDbContext db, string sku, CancellationToken cancellationToken)
    {
        // Compared again in memory because SQL Server's default collation ignores case.
        var candidates = await db.Variants.AsNoTracking().Where(v => v.Sku == sku)
            .Select(v => new { v.Id, v.Sku }).ToListAsync(cancellationToken);
        return candidates.FirstOrDefault(v => string.Equals(v.Sku, sku, StringComparison.Ordinal))?.Id;
    }

    private static async Task<StockDto> LoadAsync(HubDbContext db, Guid variantId, string sku, CancellationToken cancellationToken)
    {
        var levels = await (from level in db.InventoryLevels.AsNoTracking()
                            join warehouse in db.Warehouses.AsNoTracking() on level.WarehouseId equals warehouse.Id
                            where level.VariantId == variantId
                            orderby warehouse.Code
                            select new WarehouseStockDto(warehouse.Id, warehouse.Code, level.OnHand, level.Reserved,
                                level.Unavailable, level.OnHand - level.Reserved - level.Unavailable))
            .ToListAsync(cancellationToken);
        var channels = await db.Channels.AsNoTracking().Include(c => c.StockSources).Where(c => c.IsActive)
            .OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var calculator = new ChannelStock(db);
        var channelRows = new List<ChannelStockDto>();
        foreach (var channel in channels)
        {
            var figures = await calculator.CalculateAsync(channel, [variantId], cancellationToken);
            channelRows.Add(new ChannelStockDto(channel.Id, channel.Name, figures[variantId].Quantity));
        }

        return new StockDto(variantId, sku, levels.Sum(l => l.Available), levels, channelRows);
    }

    private static string Show(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null";
}

/// <summary>Stock of one SKU: total available, each warehouse's numbers and what each active channel may sell.</summary>
public sealed record StockDto(
    Guid VariantId,
    string Sku,
    int Available,
    IReadOnlyList<WarehouseStockDto> Warehouses,
    IReadOnlyList<ChannelStockDto> Channels);

public sealed record WarehouseStockDto(
    Guid WarehouseId, string WarehouseCode, int OnHand, int Reserved, int Unavailable, int Available);

public sealed record ChannelStockDto(Guid ChannelId, string ChannelName, int Available);

public sealed class SetOnHandInput
{
    /// <summary>Counted units on hand, 0 or more.</summary>
    public int? OnHand { get; set; }

    /// <summary>Optional note stored with the movement.</summary>
    public string? Reason { get; set; }
}

public sealed class AdjustInput
{
    /// <summary>Units to add (positive) or remove (negative); on hand may not fall below zero.</summary>
    public int? Delta { get; set; }

    public string? Reason { get; set; }
}
