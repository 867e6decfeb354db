using System.Collections.Concurrent;

namespace Sintra.Hub.Infrastructure.Inventory.Import;

/// <summary>
/// Rows written so far by imports being applied. It lives in memory because the apply is one transaction, and on
/// SQLite another connection could not update the import record until that transaction ends.
/// </summary>
public sealed class StockImportProgress
{
    private readonly ConcurrentDictionary<Guid, int> written = new();

    public void Report(Guid importId, int rows) => written[importId] = rows;

    public int? Get(Guid importId) => written.TryGetValue(importId, out var rows) ? rows : null;

    public void Remove(Guid importId) => written.TryRemove(importId, out _);
}
