using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Sintra.Hub.Core.Catalog.Import;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Web.Catalog;
using Sintra.Hub.Web.Resources;

namespace Sintra.Hub.Web.Components.Pages.Catalog;

/// <summary>
/// Upload page of the product CSV import. The file is copied to a temporary file once, so that the preview can be
/// repeated (for example after choosing another warehouse) and applied without uploading it again.
/// </summary>
public sealed partial class ImportProducts
{
    private List<WarehouseOption> warehouses = [];
    private string warehouseCode = string.Empty;
    private string? fileName;
    private string? tempFile;
    private ImportPreview? preview;
    private ImportResult? result;
    private string? errorMessage;
    private bool busy;
    private bool confirming;

    [Inject]
    private IServiceScopeFactory ScopeFactory { get; set; } = default!;

    [Inject]
    private IStringLocalizer<CatalogText> L { get; set; } = default!;

    [Inject]
    private IOptions<CatalogImportOptions> Options { get; set; } = default!;

    [Inject]
    private ILogger<ImportProducts> Logger { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    private long MaxUploadMegabytes => Math.Max(1, Options.Value.MaxUploadBytes / (1024 * 1024));

    private bool CanApply => !busy && preview is { HasErrors: false, IsUnchanged: false } && tempFile is not null;

    protected override async Task OnInitializedAsync()
    {
        await using var scope = ScopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        warehouses = await db.Warehouses
            .Where(w => w.IsActive)
            .OrderBy(w => w.Code)
            .Select(w => new WarehouseOption(w.Code, w.Name))
            .ToListAsync();
    }

    private async Task OnFileChangedAsync(IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }

        Reset();
        fileName = file.Name;
        if (file.Size > Options.Value.MaxUploadBytes)
        {
            errorMessage = L["FileTooLarge", file.Name, MaxUploadMegabytes];
            return;
        }

        busy = true;
        try
        {
            tempFile = Path.Combine(Path.GetTempPath(), $"sintra-import-{Guid.NewGuid():N}.csv");
            await using (var target = File.Create(tempFile))
            await using (var source = file.OpenReadStream(Options.Value.MaxUploadBytes))
            {
                await source.CopyToAsync(target);
            }

            await PreviewAsync();
        }
        catch (IOException exception)
        {
            LogUploadFailed(Logger, exception, file.Size);
            errorMessage = L["UploadFailed"];
            DeleteTempFile();
        }
        finally
        {
            busy = false;
        }
    }

    private async Task OnWarehouseChangedAsync(string code)
    {
        warehouseCode = code;
        if (tempFile is null || busy)
        {
            return;
        }

        busy = true;
        try
        {
            result = null;
            await PreviewAsync();
        }
        finally
        {
            busy = false;
        }
    }

    private async Task PreviewAsync()
    {
        await using var scope = ScopeFactory.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<ProductCsvImporter>();
        await using var content = File.OpenRead(tempFile!);
        preview = await importer.PreviewAsync(content, await CreateRequestAsync(), CancellationToken.None);
    }

    private async Task ApplyAsync()
    {
        busy = true;
        try
        {
            await using var scope = ScopeFactory.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<ProductCsvImporter>();
            await using var content = File.OpenRead(tempFile!);
            var request = await CreateRequestAsync();
            try
            {
                result = await importer.ApplyAsync(content, request, CancellationToken.None);
                preview = result.Preview;
            }
            catch (DbUpdateException exception)
            {
                // For example a product or SKU that another user created at the same moment. The transaction was
                // rolled back, so a new preview shows the current state.
                LogApplyFailed(Logger, exception, request.ImportId);
                errorMessage = L["ApplyFailed"];
            }
        }
        finally
        {
            busy = false;
            confirming = false;
        }
    }

    private async Task<ImportRequest> CreateRequestAsync()
    {
        var user = AuthenticationState is null ? null : (await AuthenticationState).User.Identity?.Name;
        var warehouse = string.IsNullOrEmpty(warehouseCode) ? null : warehouseCode;
        return new ImportRequest(warehouse, user ?? "web") { DownloadImages = true };
    }

    private void Reset()
    {
        DeleteTempFile();
        preview = null;
        result = null;
        errorMessage = null;
        confirming = false;
    }

    private void DeleteTempFile()
    {
        if (tempFile is not null && File.Exists(tempFile))
        {
            File.Delete(tempFile);
        }

        tempFile = null;
    }

    public ValueTask DisposeAsync()
    {
        DeleteTempFile();
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(1201, LogLevel.Warning, "Product CSV upload of {Size} bytes failed")]
    private static partial void LogUploadFailed(ILogger logger, Exception exception, long size);

    [LoggerMessage(1202, LogLevel.Error, "Catalog import {ImportId} failed while saving; nothing was written")]
    private static partial void LogApplyFailed(ILogger logger, Exception exception, Guid importId);

    private sealed record WarehouseOption(string Code, string Name);
}
