using System.Globalization;

using Microsoft.Extensions.Logging;

namespace Sintra.Hub.Infrastructure.Shopify.Admin;

public sealed partial class ShopifyAdminClient
{
    private const string ChangeFromQuantityStale = "CHANGE_FROM_QUANTITY_STALE";

    /// <summary>
    /// Sets absolute on-hand quantities with <c>inventorySetQuantities</c>, 250 quantities per call. Each call
    /// carries <c>changeFromQuantity</c> per quantity, which Shopify compares with its current quantity, and an
    /// idempotency key, which lets Shopify apply a batch once even when a timeout or a 5xx makes the client retry it.
    /// Batches run in order and stop at the first batch with user errors. Shopify rejects such a batch as a
    /// whole, while earlier batches stay applied.
    /// </summary>
    public async Task<ShopifyResult<SetOnHandQuantitiesOutcome>> SetOnHandQuantitiesAsync(
        SetOnHandQuantitiesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.IdempotencyKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.ReferenceDocumentUri);

        var batches = request.Quantities.Chunk(MaxPageSize).ToList();
        var changes = new List<InventoryChange>();
        for (var index = 0; index < batches.Count; index++)
        {
            var batch = batches[index];
            var key = index == 0 ? request.IdempotencyKey : $"{request.IdempotencyKey}-{index + 1}";
            var sent = await SendSetQuantitiesAsync(request, batch, key, cancellationToken);
            if (sent.Error is not null)
            {
                return ShopifyResult<SetOnHandQuantitiesOutcome>.Failure(sent.Error);
            }

            var payload = sent.Value!;
            if (payload.UserErrors.Count > 0)
            {
                var stale = StaleQuantities(batch, payload.UserErrors);
                ShopifyAdminLog.SetQuantitiesRejected(logger, shop.ShopDomain, index + 1, key, stale.Count,
                    payload.UserErrors.Count);
                var status = payload.UserErrors.All(error => error.Code == ChangeFromQuantityStale)
                    ? SetQuantitiesStatus.CompareFailed
                    : SetQuantitiesStatus.Rejected;
                return ShopifyResult<SetOnHandQuantitiesOutcome>.Success(new SetOnHandQuantitiesOutcome(
                    status, index, batches.Count, changes, stale, payload.UserErrors));
            }

            changes.AddRange((payload.InventoryAdjustmentGroup?.Changes ?? []).Select(change => new InventoryChange(
                change.Name, change.Delta, change.QuantityAfterChange, change.Item.Id, change.Location.Id)));
        }

        return ShopifyResult<SetOnHandQuantitiesOutcome>.Success(new SetOnHandQuantitiesOutcome(
            SetQuantitiesStatus.Applied, batches.Count, batches.Count, changes, [], []));
    }

    private async Task<ShopifyResult<SetQuantitiesPayload>> SendSetQuantitiesAsync(
        SetOnHandQuantitiesRequest request, OnHandQuantity[] batch, string idempotencyKey,
        CancellationToken cancellationToken)
    {
        var input = new Dictionary<string, object?>
        {
            ["name"] = "on_hand",
            ["reason"] = request.Reason,
            ["referenceDocumentUri"] = request.ReferenceDocumentUri,

            // changeFromQuantity is written even when null, because 2026-04 rejects a quantity that omits it.
            ["quantities"] = batch.Select(quantity => new Dictionary<string, object?>
            {
                ["inventoryItemId"] = quantity.InventoryItemId,
                ["locationId"] = quantity.LocationId,
                ["quantity"] = quantity.Quantity,
                ["changeFromQuantity"] = quantity.ChangeFromQuantity,
            }).ToList(),
        };
        var variables = new Dictionary<string, object?> { ["input"] = input, ["idempotencyKey"] = idempotencyKey };
        var graphQl = new GraphQlRequest(ShopifyAdminDocuments.SetOnHandQuantities, variables,
            ShopifyAdminDocuments.SetOnHandQuantitiesOperation);

        // 10 points, the usual mutation cost, is only the first estimate. The bucket then learns the reported cost.
        var response = await SendAsync(graphQl, 10, retrySafe: true, cancellationToken);
        var data = ReadData<SetQuantitiesData>(graphQl.OperationName, response);
        if (data.Error is not null)
        {
            return ShopifyResult<SetQuantitiesPayload>.Failure(data.Error);
        }

        return data.Value!.InventorySetQuantities is { } payload
            ? ShopifyResult<SetQuantitiesPayload>.Success(payload with { UserErrors = payload.UserErrors ?? [] })
            : ShopifyResult<SetQuantitiesPayload>.Failure(new ShopifyAdminError(
                ShopifyAdminErrorKind.InvalidResponse, "the response has no inventorySetQuantities payload"));
    }

    /// <summary>
    /// Maps CHANGE_FROM_QUANTITY_STALE errors to the quantities they name through their field path,
    /// <c>["input", "quantities", "{index}", "changeFromQuantity"]</c>.
    /// </summary>
    private static List<OnHandQuantity> StaleQuantities(OnHandQuantity[] batch, IReadOnlyList<ShopifyUserError> errors)
    {
        var stale = new List<OnHandQuantity>();
        foreach (var error in errors.Where(error => error.Code == ChangeFromQuantityStale))
        {
            var field = error.Field ?? [];
            var position = field.ToList().IndexOf("quantities");
            if (position >= 0 && position + 1 < field.Count
                && int.TryParse(field[position + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < batch.Length && !stale.Contains(batch[index]))
            {
                stale.Add(batch[index]);
            }
        }

        return stale;
    }
}
