using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Orders.Shipping;

/// <summary>
/// Ships order lines. One transaction converts the lines' reservations into outbound stock movements, stores the
/// shipment and moves the order to partially shipped or shipped. The same transaction writes a timeline event and
/// the outbox rows for the channel push, the customer e-mail and the integration event.
/// </summary>
public sealed class OrderShippingService(HubDbContext db, StockLedger ledger, TimeProvider clock,
    ILogger<OrderShippingService> logger) : IOrderShipping
{
    /// <summary>Attempts of a request that lost a race with another writer of the same order or stock.</summary>
    private const int MaxAttempts = 3;

    private const int MaxTextLength = 100;

    public async Task<ShipmentResult> ShipAsync(ShipmentRequest request, CancellationToken cancellationToken)
    {
        if (Validate(request) is { } invalid)
        {
            return Failed(invalid);
        }

        for (var attempt = 1; ; attempt++)
        {
            if (await FindAppliedAsync(request.ExternalReference, cancellationToken) is { } applied)
            {
                return applied;
            }

            try
            {
                return await ShipOnceAsync(request, cancellationToken);
            }
            catch (Exception exception) when (exception is DbUpdateException or DbException && attempt < MaxAttempts)
            {
                // Another shipment of the same order, or another writer of the same reservations, committed first.
                // The next attempt reads the new state, so it ships only what is still left.
                logger.LogInformation(exception,
                    "Shipment of order {OrderId} conflicted with a concurrent change; attempt {Attempt} of {Max}",
                    request.OrderId, attempt, MaxAttempts);
                db.ChangeTracker.Clear();
            }
            catch (Exception exception) when (exception is DbUpdateException or DbException)
            {
                logger.LogWarning(exception, "Shipment of order {OrderId} failed after {Max} attempts",
                    request.OrderId, MaxAttempts);
                db.ChangeTracker.Clear();
                return await FindAppliedAsync(request.ExternalReference, cancellationToken)
                    ?? Failed($"Order {request.OrderId} kept changing while it was being shipped; try again.");
            }
        }
    }

    private static string? Validate(ShipmentRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Source))
        {
            return "The shipment source is missing; pass the user, file or API key that reports it.";
        }

        foreach (var (name, value) in new[]
                 {
                     ("carrier", request.Carrier), ("tracking number", request.TrackingNumber),
                     ("external reference", request.ExternalReference),
                 })
        {
            if (value is { Length: > MaxTextLength })
            {
                return $"The {name} '{value[..20]}…' is {value.Length} characters long; at most {MaxTextLength} are allowed.";
            }
        }

        if (request.TrackingUrl is { Length: > 0 } url
            && (url.Length > 1000 || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
                || uri.Scheme is not ("http" or "https")))
        {
            return $"The tracking URL '{url}' is not a valid http or https address.";
        }

        foreach (var line in request.Lines)
        {
            if (line.OrderLineId is null && string.IsNullOrWhiteSpace(line.Sku))
            {
                return "A shipment line names neither an order line nor a SKU.";
            }

            if (line.Quantity <= 0)
            {
                return $"Line {line.OrderLineId?.ToString() ?? line.Sku} has quantity {line.Quantity}; ship 1 or more units.";
            }
        }

        return null;
    }

    private async Task<ShipmentResult?> FindAppliedAsync(string? reference, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var shipment = await db.Shipments.AsNoTracking().Include(s => s.Lines)
            .SingleOrDefaultAsync(s => s.ExternalReference == reference, cancellationToken);
        return shipment is null
            ? null
            : new ShipmentResult(shipment.Id, shipment.Lines.Sum(l => l.Quantity), AlreadyApplied: true, null);
    }

    private async Task<ShipmentResult> ShipOnceAsync(ShipmentRequest request, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await db.Orders.Include(o => o.Lines)
            .SingleOrDefaultAsync(o => o.Id == request.OrderId, cancellationToken);
        if (order is null)
        {
            return Failed($"Order {request.OrderId} was not found.");
        }

        if (request.WarehouseId is { } warehouseId
            && !await db.Warehouses.AnyAsync(w => w.Id == warehouseId, cancellationToken))
        {
            return Failed($"Warehouse {warehouseId} was not found.");
        }

        var plan = ShipmentPlan.Build(order, request.Lines);
        if (plan.Error is not null)
        {
            return Failed(plan.Error);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var shipment = new Shipment
        {
            OrderId = order.Id,
            WarehouseId = request.WarehouseId,
            Carrier = Clean(request.Carrier),
            TrackingNumber = Clean(request.TrackingNumber),
            TrackingUrl = Clean(request.TrackingUrl),
            Source = request.Source.Trim(),
            ExternalReference = Clean(request.ExternalReference),
            ShippedAt = now,
        };
        var reference = new StockReference(StockReferenceTypes.Order, order.Id.ToString(), shipment.Source);
        var notes = new List<string>();
        foreach (var (line, quantity) in plan.Lines)
        {
            if (await MoveStockAsync(line, quantity, request.WarehouseId, reference, notes, cancellationToken)
                is { } stockError)
            {
                return Failed(stockError);
            }

            line.ShippedQuantity += quantity;
            shipment.Lines.Add(new ShipmentLine { ShipmentId = shipment.Id, OrderLineId = line.Id, Quantity = quantity });
        }

        var moved = order.RecordShipment();
        if (moved.Error is not null)
        {
            return Failed(moved.Error);
        }

        order.HasStockShortfall = order.Lines.Any(l => l.ShortfallQuantity > 0);
        order.UpdatedAt = now;
        db.Shipments.Add(shipment);
        AddEvent(order, shipment, notes, now);
        AddOutboxRows(order, shipment, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ShipmentResult(shipment.Id, shipment.Lines.Sum(l => l.Quantity), AlreadyApplied: false, null);
    }

    /// <summary>
    /// Ships the units out of the line's reservations. Units the line could not reserve (its shortfall) leave the
    /// given warehouse's on hand directly, and are rejected when no warehouse is given or it has too few.
    /// </summary>
    private async Task<string?> MoveStockAsync(OrderLine line, int quantity, Guid? warehouseId,
        StockReference reference, List<string> notes, CancellationToken cancellationToken)
    {
        if (line.VariantId is not { } variantId)
        {
            notes.Add($"{Describe(line)}: {quantity} unit(s) match no catalog variant, so no stock moved.");
            return null;
        }

        var reserved = await db.Reservations
            .Where(r => r.OrderLineId == line.Id && r.Status == ReservationStatus.Open)
            .Where(r => warehouseId == null || r.WarehouseId == warehouseId)
            .SumAsync(r => r.Quantity, cancellationToken);
        var fromReserved = Math.Min(quantity, reserved);
        if (fromReserved > 0)
        {
            var result = await ledger.FulfilAsync(line.Id, fromReserved, warehouseId, reference, cancellationToken);
            if (!result.Succeeded)
            {
                return $"{Describe(line)} could not ship from its reservations: {result.Error}.";
            }
        }

        var unreserved = quantity - fromReserved;
        if (unreserved == 0)
        {
            return null;
        }

        if (warehouseId is not { } shipFrom)
        {
            return $"{Describe(line)}: {unreserved} unit(s) have no reservation; choose the warehouse they leave from.";
        }

        var (movement, onHandAfter) = await ledger.AddOnHandAsync(
            variantId, shipFrom, -unreserved, MovementReason.Shipment, reference, cancellationToken);
        if (movement is null)
        {
            return $"{Describe(line)}: {unreserved} unit(s) have no reservation and the warehouse would go to "
                + $"{onHandAfter} on hand; count the stock first.";
        }

        line.ShortfallQuantity = Math.Max(0, line.ShortfallQuantity - unreserved);
        notes.Add($"{Describe(line)}: {unreserved} unit(s) shipped without a reservation.");
        return null;
    }

    private void AddEvent(Order order, Shipment shipment, List<string> notes, DateTime now)
    {
        var lines = string.Join(", ", shipment.Lines.Select(l =>
            $"{l.Quantity} × {Describe(order.Lines.Single(x => x.Id == l.OrderLineId))}"));
        var tracking = shipment.TrackingNumber is null ? string.Empty : $" Tracking {shipment.Carrier} {shipment.TrackingNumber}.";
        var message = $"Shipped by {shipment.Source}: {lines}. Status {order.Status}.{tracking} {string.Join(' ', notes)}";
        db.OrderEvents.Add(new OrderEvent
        {
            OrderId = order.Id,
            OccurredAt = now,
            Kind = "shipment",
            Message = message.Length > 2000 ? message[..2000] : message.TrimEnd(),
        });
    }

    private void AddOutboxRows(Order order, Shipment shipment, DateTime now)
    {
        var notice = new ShipmentNotice(shipment.Id, order.Id, order.Name, now, shipment.Carrier,
            shipment.TrackingNumber, shipment.TrackingUrl,
            shipment.Lines.Select(l =>
            {
                var line = order.Lines.Single(x => x.Id == l.OrderLineId);
                return new ShipmentNoticeLine(line.Sku, line.Title, l.Quantity);
            }).ToList());
        var payload = JsonSerializer.Serialize(notice);
        db.OutboxMessages.Add(Row(OrderChannelTopics.FulfillmentPush, order.ChannelId, shipment.Id, null, now));
        db.OutboxMessages.Add(Row(OutboxTopics.ShipmentEmail, order.ChannelId, order.Id, payload, now));
        db.OutboxMessages.Add(Row(OutboxTopics.OrderShippedEvent, order.ChannelId, order.Id, payload, now));
    }

    private static OutboxMessage Row(string topic, Guid channelId, Guid entityId, string? payload, DateTime now) =>
        new()
        {
            Topic = topic,
            ChannelId = channelId,
            EntityId = entityId,
            Payload = payload,
            CreatedAt = now,
            NextAttemptAt = now,
        };

    private static string Describe(OrderLine line) => $"Line {line.ExternalId} ({line.Sku ?? line.Title})";

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static ShipmentResult Failed(string error) => new(null, 0, AlreadyApplied: false, error);
}
