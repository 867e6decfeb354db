using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Inventory.Import;

/// <summary>Lists, creates, edits and deletes import profiles.</summary>
public sealed class StockImportProfileService(IDbContextFactory<HubDbContext> contextFactory)
{
    /// <summary>Returns every profile by name, untracked.</summary>
    public async Task<List<StockImportProfile>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<StockImportProfile>().AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
    }

    /// <summary>Returns a profile, untracked, or null when it does not exist.</summary>
    public async Task<StockImportProfile?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<StockImportProfile>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
    }

    /// <summary>
    /// Creates the profile when <paramref name="id"/> is null, otherwise updates it if its version still equals
    /// <paramref name="expectedVersion"/>. The input's id and version are ignored.
    /// </summary>
    public async Task<SaveResult> SaveAsync(
        Guid? id,
        long expectedVersion,
        StockImportProfile input,
        CancellationToken cancellationToken)
    {
        StockImportProfileRules.Normalize(input);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var errors = StockImportProfileRules.Validate(input).ToList();
        var profiles = db.Set<StockImportProfile>();
        if (await profiles.AnyAsync(p => p.Name == input.Name && p.Id != id, cancellationToken))
        {
            errors.Add(new FieldError(nameof(StockImportProfile.Name), StockImportProfileRules.Errors.NameTaken));
        }

        if (input.WarehouseId is { } warehouseId
            && !await db.Warehouses.AnyAsync(w => w.Id == warehouseId && w.IsActive, cancellationToken))
        {
            errors.Add(new FieldError(nameof(StockImportProfile.WarehouseId), StockImportProfileRules.Errors.WarehouseUnknown));
        }

        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        StockImportProfile? profile;
        if (id is null)
        {
            profile = new StockImportProfile { Name = input.Name, KeyColumn = input.KeyColumn, QuantityColumn = input.QuantityColumn };
            profiles.Add(profile);
        }
        else
        {
            profile = await profiles.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
            if (profile is null)
            {
                return SaveResult.NotFound;
            }

            // The UPDATE compares the version the form was loaded with, so a save from a stale form is rejected.
            db.Entry(profile).Property(p => p.Version).OriginalValue = expectedVersion;
            db.Entry(profile).State = EntityState.Modified;
        }

        Copy(input, profile);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Conflict;
        }

        return SaveResult.Saved(profile.Id, profile.Version);
    }

    /// <summary>Deletes a profile if its version still equals <paramref name="expectedVersion"/>.</summary>
    public async Task<SaveOutcome> DeleteAsync(Guid id, long expectedVersion, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var deleted = await db.Set<StockImportProfile>()
            .Where(p => p.Id == id && p.Version == expectedVersion)
            .ExecuteDeleteAsync(cancellationToken);
        if (deleted == 1)
        {
            return SaveOutcome.Saved;
        }

        return await db.Set<StockImportProfile>().AnyAsync(p => p.Id == id, cancellationToken)
            ? SaveOutcome.Conflict
            : SaveOutcome.NotFound;
    }

    private static void Copy(StockImportProfile from, StockImportProfile to)
    {
        to.Name = from.Name;
        to.Delimiter = from.Delimiter;
        to.Encoding = from.Encoding;
        to.Culture = from.Culture;
        to.HasHeader = from.HasHeader;
        to.KeyKind = from.KeyKind;
        to.KeyColumn = from.KeyColumn;
        to.QuantityColumn = from.QuantityColumn;
        to.WarehouseColumn = from.WarehouseColumn;
        to.CountedAtColumn = from.CountedAtColumn;
        to.WarehouseId = from.WarehouseColumn is null ? from.WarehouseId : null;
        to.Mode = from.Mode;
    }
}
