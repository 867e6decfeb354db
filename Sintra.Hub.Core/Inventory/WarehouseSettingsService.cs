using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Inventory;

/// <summary>Fields of the warehouse form.</summary>
public sealed record WarehouseInput
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? Address { get; set; }

    public bool IsActive { get; set; } = true;
}

/// <summary>
/// Creates and edits warehouses. Warehouses are deactivated, never deleted, because stock levels and ledger
/// movements point to them.
/// </summary>
public sealed partial class WarehouseSettingsService(IDbContextFactory<HubDbContext> contextFactory)
{
    /// <summary>Error codes that <see cref="SaveAsync"/> returns in <see cref="SaveResult.Errors"/>.</summary>
    public static class Errors
    {
        public const string CodeRequired = "CodeRequired";
        public const string CodeFormat = "CodeFormat";
        public const string CodeTaken = "CodeTaken";
        public const string NameRequired = "NameRequired";
        public const string NameTooLong = "NameTooLong";
        public const string AddressTooLong = "AddressTooLong";
    }

    /// <summary>
    /// Normalizes a code as the service stores it: trimmed and upper-cased, so <c>mil</c> and <c>MIL</c> are the
    /// same warehouse.
    /// </summary>
    public static string NormalizeCode(string? code) => (code ?? string.Empty).Trim().ToUpperInvariant();

    /// <summary>Checks the input against the rules that need no database.</summary>
    public static IReadOnlyList<FieldError> Validate(WarehouseInput input)
    {
        var errors = new List<FieldError>();
        var code = NormalizeCode(input.Code);
        if (code.Length == 0)
        {
            errors.Add(new FieldError(nameof(WarehouseInput.Code), Errors.CodeRequired));
        }
        else if (!CodePattern().IsMatch(code))
        {
            errors.Add(new FieldError(nameof(WarehouseInput.Code), Errors.CodeFormat));
        }

        var name = input.Name?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            errors.Add(new FieldError(nameof(WarehouseInput.Name), Errors.NameRequired));
        }
        else if (name.Length > 200)
        {
            errors.Add(new FieldError(nameof(WarehouseInput.Name), Errors.NameTooLong));
        }

        if (input.Address?.Trim().Length > 500)
        {
            errors.Add(new FieldError(nameof(WarehouseInput.Address), Errors.AddressTooLong));
        }

        return errors;
    }

    /// <summary>Reads a warehouse as form input with its version, or returns null when it does not exist.</summary>
    public async Task<(WarehouseInput Input, long Version)?> GetInputAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var warehouse = await db.Warehouses.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (warehouse is null)
        {
            return null;
        }

        var input = new WarehouseInput
        {
            Code = warehouse.Code,
            Name = warehouse.Name,
            Address = warehouse.Address,
            IsActive = warehouse.IsActive,
        };
        return (input, warehouse.Version);
    }

    /// <summary>
    /// Creates a warehouse when <paramref name="id"/> is null, otherwise updates it if its version still equals
    /// <paramref name="expectedVersion"/>.
    /// </summary>
    public async Task<SaveResult> SaveAsync(
        Guid? id,
        long expectedVersion,
        WarehouseInput input,
        CancellationToken cancellationToken)
    {
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var code = NormalizeCode(input.Code);
        if (await IsCodeTakenAsync(db, code, id, cancellationToken))
        {
            return SaveResult.Invalid([new FieldError(nameof(WarehouseInput.Code), Errors.CodeTaken)]);
        }

        Warehouse? warehouse;
        if (id is null)
        {
            warehouse = new Warehouse { Code = code, Name = string.Empty };
            db.Warehouses.Add(warehouse);
        }
        else
        {
            warehouse = await db.Warehouses.SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
            if (warehouse is null)
            {
                return SaveResult.NotFound;
            }

            // The UPDATE compares the version the form was loaded with, not the one just read. The row is marked
            // modified even when no field changed, so a save from a stale form is still rejected.
            db.Entry(warehouse).Property(w => w.Version).OriginalValue = expectedVersion;
            db.Entry(warehouse).State = EntityState.Modified;
        }

        warehouse.Code = code;
        warehouse.Name = input.Name!.Trim();
        warehouse.Address = string.IsNullOrWhiteSpace(input.Address) ? null : input.Address.Trim();
        warehouse.IsActive = input.IsActive;

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Conflict;
        }
        catch (DbUpdateException)
        {
            // Another save may have taken the code between the check above and this write, so the unique index
            // rejected it. Any other failure is a bug and propagates.
            if (!await IsCodeTakenAsync(db, code, warehouse.Id, CancellationToken.None))
            {
                throw;
            }

            return SaveResult.Invalid([new FieldError(nameof(WarehouseInput.Code), Errors.CodeTaken)]);
        }

        return SaveResult.Saved(warehouse.Id, warehouse.Version);
    }

    private static Task<bool> IsCodeTakenAsync(HubDbContext db, string code, Guid? exceptId, CancellationToken token) =>
        db.Warehouses.AsNoTracking().AnyAsync(w => w.Code == code && w.Id != exceptId, token);

    [GeneratedRegex("^[A-Z0-9_-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
