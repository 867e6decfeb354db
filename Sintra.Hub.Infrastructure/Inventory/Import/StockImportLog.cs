using Microsoft.Extensions.Logging;

namespace Sintra.Hub.Infrastructure.Inventory.Import;

internal static partial class StockImportLog
{
    [LoggerMessage(1301, LogLevel.Information, "Stock import {ImportId} started")]
    public static partial void Started(ILogger logger, Guid importId);

    [LoggerMessage(1302, LogLevel.Information, "Stock import {ImportId} applied: {Rows} rows, {Changed} levels changed")]
    public static partial void Applied(ILogger logger, Guid importId, int rows, int changed);

    [LoggerMessage(1303, LogLevel.Warning, "Stock import {ImportId} rejected: {Reason}")]
    public static partial void Rejected(ILogger logger, Guid importId, string reason);

    [LoggerMessage(1304, LogLevel.Error, "Stock import {ImportId} failed; nothing was written")]
    public static partial void Failed(ILogger logger, Exception exception, Guid importId);

    [LoggerMessage(1305, LogLevel.Information, "Stock import {ImportId} undone by {User}: {Movements} movements reversed")]
    public static partial void Undone(ILogger logger, Guid importId, string user, int movements);

    [LoggerMessage(1306, LogLevel.Information, "Resuming {Count} unfinished stock imports")]
    public static partial void Resuming(ILogger logger, int count);
}
