using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Quartz;
using Sintra.Hub.Core.Exchange;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Exchange.Flows;
using Sintra.Hub.Infrastructure.Exchange.Storage;
using Sintra.Hub.Infrastructure.Jobs;

namespace Sintra.Hub.Infrastructure.Exchange;

/// <summary>
/// The secrets an endpoint form sends: null keeps the stored value, an empty string clears it, anything else
/// replaces it.
/// </summary>
public sealed record EndpointSecrets(string? Password, string? PrivateKey, string? ConnectionString);

/// <summary>
/// Lists and saves partners, endpoints, CSV profiles and flows for the settings pages, checks their rules, encrypts
/// secrets and reschedules the flows after a change. Saves compare the version the form loaded.
/// </summary>
public sealed class ExchangeSettingsService(
    IDbContextFactory<HubDbContext> contextFactory,
    ExchangeStoreFactory stores,
    ExchangeScheduleSync schedule)
{
    /// <summary>Error codes that the pages turn into localized messages.</summary>
    public static class Errors
    {
        public const string Required = "Required";
        public const string NameTaken = "NameTaken";
        public const string InvalidCron = "InvalidCron";
        public const string InvalidPath = "InvalidPath";
        public const string InvalidPort = "InvalidPort";
        public const string InvalidFingerprint = "InvalidFingerprint";
        public const string InvalidEncoding = "InvalidEncoding";
        public const string InvalidStatuses = "InvalidStatuses";
        public const string InvalidPattern = "InvalidPattern";
        public const string InvalidDelimiter = "InvalidDelimiter";
        public const string InvalidCulture = "InvalidCulture";
        public const string UnknownField = "UnknownField";
        public const string InvalidTransform = "InvalidTransform";
    }

    public static readonly IReadOnlyList<string> Delimiters = [";", ",", "\\t", "|"];

    public async Task<List<ExchangePartner>> ListPartnersAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<ExchangePartner>().AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
    }

    public async Task<List<ExchangeEndpoint>> ListEndpointsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<ExchangeEndpoint>().AsNoTracking().OrderBy(e => e.Name).ToListAsync(cancellationToken);
    }

    public async Task<List<ExchangeFlow>> ListFlowsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<ExchangeFlow>().AsNoTracking().OrderBy(f => f.Name).ToListAsync(cancellationToken);
    }

    public async Task<List<ExchangeCsvProfile>> ListProfilesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<ExchangeCsvProfile>().AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
    }

    public async Task<SaveResult> SavePartnerAsync(Guid? id, long expectedVersion, ExchangePartner input, CancellationToken cancellationToken)
    {
        input.Name = input.Name.Trim();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var errors = new List<FieldError>();
        if (input.Name.Length == 0)
        {
            errors.Add(new FieldError(nameof(input.Name), Errors.Required));
        }
        else if (await db.Set<ExchangePartner>().AnyAsync(p => p.Name == input.Name && p.Id != id, cancellationToken))
        {
            errors.Add(new FieldError(nameof(input.Name), Errors.NameTaken));
        }

        return await SaveAsync(db, id, expectedVersion, errors, () => new ExchangePartner { Name = input.Name }, p =>
        {
            p.Name = input.Name;
            p.IsActive = input.IsActive;
        }, cancellationToken);
    }

    public async Task<SaveResult> SaveEndpointAsync(
        Guid? id, long expectedVersion, ExchangeEndpoint input, EndpointSecrets secrets, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var errors = ValidateEndpoint(input).ToList();
        return await SaveAsync(db, id, expectedVersion, errors, () => new ExchangeEndpoint { Name = input.Name }, e =>
        {
            e.PartnerId = input.PartnerId;
            e.Name = input.Name.Trim();
            e.Kind = input.Kind;
            e.RootPath = input.RootPath.Trim();
            e.InboundPath = input.InboundPath.Trim().Trim('/');
            e.OutboundPath = input.OutboundPath.Trim().Trim('/');
            e.Host = input.Host?.Trim();
            e.Port = input.Port;
            e.UserName = input.UserName?.Trim();
            e.HostKeySha256 = string.IsNullOrWhiteSpace(input.HostKeySha256) ? null : SftpExchangeStore.NormalizeFingerprint(input.HostKeySha256);
            e.FileNameEncoding = input.FileNameEncoding.Trim();
            e.Container = input.Container?.Trim();
            e.Readiness = input.Readiness;
            e.ProtectedPassword = Replace(e.ProtectedPassword, secrets.Password);
            e.ProtectedPrivateKey = Replace(e.ProtectedPrivateKey, secrets.PrivateKey);
            e.ProtectedConnectionString = Replace(e.ProtectedConnectionString, secrets.ConnectionString);
        }, cancellationToken);
    }

    /// <summary>Tests an endpoint as the form shows it, with stored secrets where the form leaves them unchanged.</summary>
    public async Task<string?> TestEndpointAsync(Guid? id, ExchangeEndpoint input, EndpointSecrets secrets, CancellationToken cancellationToken)
    {
        ExchangeEndpoint? stored = null;
        if (id is not null)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            stored = await db.Set<ExchangeEndpoint>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        }

        var probe = new ExchangeEndpoint
        {
            Name = input.Name,
            Kind = input.Kind,
            RootPath = input.RootPath,
            InboundPath = input.InboundPath,
            OutboundPath = input.OutboundPath,
            Host = input.Host,
            Port = input.Port,
            UserName = input.UserName,
            HostKeySha256 = input.HostKeySha256,
            FileNameEncoding = input.FileNameEncoding,
            Container = input.Container,
            ProtectedPassword = Replace(stored?.ProtectedPassword, secrets.Password),
            ProtectedPrivateKey = Replace(stored?.ProtectedPrivateKey, secrets.PrivateKey),
            ProtectedConnectionString = Replace(stored?.ProtectedConnectionString, secrets.ConnectionString),
        };
        return await stores.TestAsync(probe, cancellationToken);
    }

    public async Task<SaveResult> SaveProfileAsync(Guid? id, long expectedVersion, ExchangeCsvProfile input, CancellationToken cancellationToken)
    {
        input.Name = input.Name.Trim();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var errors = ValidateProfile(input).ToList();
        if (input.Name.Length > 0 && await db.Set<ExchangeCsvProfile>().AnyAsync(p => p.Name == input.Name && p.Id != id, cancellationToken))
        {
            errors.Add(new FieldError(nameof(input.Name), Errors.NameTaken));
        }

        return await SaveAsync(db, id, expectedVersion, errors, () => new ExchangeCsvProfile { Name = input.Name }, p =>
        {
            p.Name = input.Name;
            p.Purpose = input.Purpose;
            p.Delimiter = input.Delimiter;
            p.Encoding = input.Encoding;
            p.Culture = input.Culture;
            p.HasHeader = input.HasHeader;
            p.FileNamePattern = input.FileNamePattern.Trim();
            p.ColumnsJson = input.ColumnsJson;
            p.FiltersJson = input.FiltersJson;
        }, cancellationToken);
    }

    public async Task<SaveResult> SaveFlowAsync(Guid? id, long expectedVersion, ExchangeFlow input, CancellationToken cancellationToken)
    {
        input.Name = input.Name.Trim();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var errors = new List<FieldError>();
        if (input.Name.Length == 0)
        {
            errors.Add(new FieldError(nameof(input.Name), Errors.Required));
        }
        else if (await db.Set<ExchangeFlow>().AnyAsync(f => f.Name == input.Name && f.Id != id, cancellationToken))
        {
            errors.Add(new FieldError(nameof(input.Name), Errors.NameTaken));
        }

        if (!CronExpression.TryParse(input.Cron.Trim(), out _))
        {
            errors.Add(new FieldError(nameof(input.Cron), Errors.InvalidCron));
        }

        if (input.EndpointId == Guid.Empty)
        {
            errors.Add(new FieldError(nameof(input.EndpointId), Errors.Required));
        }

        if (input.Kind == ExchangeFlowKind.StockIn && input.StockProfileId is null)
        {
            errors.Add(new FieldError(nameof(input.StockProfileId), Errors.Required));
        }

        if (input.Kind is ExchangeFlowKind.ShipmentsIn or ExchangeFlowKind.OrdersOut && input.CsvProfileId is null)
        {
            errors.Add(new FieldError(nameof(input.CsvProfileId), Errors.Required));
        }

        if (input.Kind == ExchangeFlowKind.OrdersOut)
        {
            try
            {
                if (OrderExporter.ParseStatuses(input.OrderStatuses).Count == 0)
                {
                    errors.Add(new FieldError(nameof(input.OrderStatuses), Errors.Required));
                }
            }
            catch (InvalidOperationException)
            {
                errors.Add(new FieldError(nameof(input.OrderStatuses), Errors.InvalidStatuses));
            }
        }

        var partnerId = await db.Set<ExchangeEndpoint>().Where(e => e.Id == input.EndpointId)
            .Select(e => (Guid?)e.PartnerId).SingleOrDefaultAsync(cancellationToken);
        var result = await SaveAsync(db, id, expectedVersion, errors, () => new ExchangeFlow { Name = input.Name }, f =>
        {
            f.Name = input.Name;
            f.EndpointId = input.EndpointId;
            f.PartnerId = partnerId ?? Guid.Empty;
            f.Kind = input.Kind;
            f.Cron = input.Cron.Trim();
            f.IsEnabled = input.IsEnabled;
            f.StockProfileId = input.Kind == ExchangeFlowKind.StockIn ? input.StockProfileId : null;
            f.CsvProfileId = input.Kind is ExchangeFlowKind.ShipmentsIn or ExchangeFlowKind.OrdersOut ? input.CsvProfileId : null;
            f.OrderStatuses = input.OrderStatuses.Trim();
        }, cancellationToken);
        if (result.Outcome == SaveOutcome.Saved)
        {
            await schedule.SyncAsync(cancellationToken);
        }

        return result;
    }

    public async Task<SaveOutcome> DeleteFlowAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var deleted = await db.Set<ExchangeFlow>().Where(f => f.Id == id).ExecuteDeleteAsync(cancellationToken);
        await schedule.SyncAsync(cancellationToken);
        return deleted == 1 ? SaveOutcome.Saved : SaveOutcome.NotFound;
    }

    /// <summary>Returns the failed files that still need attention, newest first.</summary>
    public async Task<List<ExchangeFile>> ListFailedFilesAsync(int count, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<ExchangeFile>().AsNoTracking()
            .Where(f => f.NeedsAttention)
            .OrderByDescending(f => f.TakenAt)
            .Take(count)
            .ToListAsync(cancellationToken);
    }

    public async Task DismissFailedFileAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Set<ExchangeFile>().Where(f => f.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.NeedsAttention, false), cancellationToken);
    }

    public static IEnumerable<FieldError> ValidateEndpoint(ExchangeEndpoint input)
    {
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            yield return new FieldError(nameof(input.Name), Errors.Required);
        }

        if (input.PartnerId == Guid.Empty)
        {
            yield return new FieldError(nameof(input.PartnerId), Errors.Required);
        }

        foreach (var (field, path) in new[] { (nameof(input.InboundPath), input.InboundPath), (nameof(input.OutboundPath), input.OutboundPath) })
        {
            if (string.IsNullOrWhiteSpace(path) || path.Split('/').Any(p => p is ".." or "."))
            {
                yield return new FieldError(field, Errors.InvalidPath);
            }
        }

        switch (input.Kind)
        {
            case ExchangeEndpointKind.LocalFolder when !Path.IsPathFullyQualified(input.RootPath ?? string.Empty):
                yield return new FieldError(nameof(input.RootPath), Errors.InvalidPath);
                break;
            case ExchangeEndpointKind.Sftp:
                if (string.IsNullOrWhiteSpace(input.Host))
                {
                    yield return new FieldError(nameof(input.Host), Errors.Required);
                }

                if (input.Port is < 1 or > 65535)
                {
                    yield return new FieldError(nameof(input.Port), Errors.InvalidPort);
                }

                if (string.IsNullOrWhiteSpace(input.UserName))
                {
                    yield return new FieldError(nameof(input.UserName), Errors.Required);
                }

                if (!IsFingerprint(input.HostKeySha256))
                {
                    yield return new FieldError(nameof(input.HostKeySha256), Errors.InvalidFingerprint);
                }

                if (!IsEncoding(input.FileNameEncoding))
                {
                    yield return new FieldError(nameof(input.FileNameEncoding), Errors.InvalidEncoding);
                }

                break;
            case ExchangeEndpointKind.AzureBlob when string.IsNullOrWhiteSpace(input.Container):
                yield return new FieldError(nameof(input.Container), Errors.Required);
                break;
        }
    }

    public static IEnumerable<FieldError> ValidateProfile(ExchangeCsvProfile input)
    {
        if (input.Name.Length == 0)
        {
            yield return new FieldError(nameof(input.Name), Errors.Required);
        }

        if (!Delimiters.Contains(input.Delimiter))
        {
            yield return new FieldError(nameof(input.Delimiter), Errors.InvalidDelimiter);
        }

        if (input.Culture.Length > 0 && !CultureInfo.GetCultures(CultureTypes.SpecificCultures).Any(c => c.Name == input.Culture))
        {
            yield return new FieldError(nameof(input.Culture), Errors.InvalidCulture);
        }

        var pattern = input.Purpose == CsvProfilePurpose.OrdersOut
            ? System.Text.RegularExpressions.Regex.Replace(input.FileNamePattern, @"\{(date|time):[^}]+\}", "0")
            : input.FileNamePattern.Replace("*", "x").Replace("?", "x");
        if (!ExchangeFileNames.IsValid(pattern.Trim()))
        {
            yield return new FieldError(nameof(input.FileNamePattern), Errors.InvalidPattern);
        }

        var fields = input.Purpose == CsvProfilePurpose.OrdersOut ? OrderExporter.Fields : ShipmentFileHandler.Fields;
        var columns = input.GetColumns();
        if (columns.Count == 0)
        {
            yield return new FieldError("Columns", Errors.Required);
        }

        foreach (var column in columns)
        {
            if (!fields.Contains(column.Field, StringComparer.OrdinalIgnoreCase))
            {
                yield return new FieldError("Columns", Errors.UnknownField);
            }

            if (column.Transform == CsvTransform.PadLeftZeros && !(int.TryParse(column.Argument, out var width) && width is > 0 and <= 64))
            {
                yield return new FieldError("Columns", Errors.InvalidTransform);
            }
        }
    }

    private static bool IsFingerprint(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var text = SftpExchangeStore.NormalizeFingerprint(value);
        var padded = text + new string('=', (4 - text.Length % 4) % 4);
        return Convert.TryFromBase64String(padded, new byte[64], out var written) && written == 32;
    }

    private static bool IsEncoding(string name)
    {
        try
        {
            SftpExchangeStore.ResolveEncoding(name);
            return true;
        }
        catch (ExchangeStoreException)
        {
            return false;
        }
    }

    private string? Replace(string? stored, string? input) => input switch
    {
        null => stored,
        "" => null,
        _ => stores.Protect(input),
    };

    private static async Task<SaveResult> SaveAsync<T>(
        HubDbContext db,
        Guid? id,
        long expectedVersion,
        List<FieldError> errors,
        Func<T> create,
        Action<T> copy,
        CancellationToken cancellationToken)
        where T : class, IVersioned
    {
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }

        T? row;
        if (id is null)
        {
            row = create();
            db.Add(row);
        }
        else
        {
            row = await db.Set<T>().FindAsync([id.Value], cancellationToken);
            if (row is null)
            {
                return SaveResult.NotFound;
            }

            db.Entry(row).Property(r => r.Version).OriginalValue = expectedVersion;
        }

        copy(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Conflict;
        }

        var key = db.Entry(row).Property<Guid>("Id").CurrentValue;
        return SaveResult.Saved(key, row.Version);
    }
}
