using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MudBlazor;
using Sintra.Hub.Core.Inventory.Import;
using Sintra.Hub.Infrastructure.Inventory.Import;
using Sintra.Hub.Web.Inventory;
using Sintra.Hub.Web.Resources;

namespace Sintra.Hub.Web.Components.Pages.Stock;

/// <summary>
/// Upload page of stock files. The upload is stored once in the import folder, so the preview can be repeated
/// with another profile or count time, and the background apply reads the same bytes.
/// </summary>
public sealed partial class ImportStock
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(2);

    private List<StockImportProfile> profiles = [];
    private List<StockImportSummary> imports = [];
    private Guid? profileId;
    private DateTime? countedAtDate;
    private TimeSpan? countedAtTime;
    private DateTime uploadedAt;
    private string? fileName;
    private string? storedFile;
    private StockImportPreview? preview;
    private string? errorMessage;
    private string? notice;
    private bool busy;
    private bool confirming;
    private ITimer? refreshTimer;

    [Inject]
    private IServiceScopeFactory ScopeFactory { get; set; } = default!;

    [Inject]
    private StockImportProfileService ProfileService { get; set; } = default!;

    [Inject]
    private StockImportRecords Records { get; set; } = default!;

    [Inject]
    private StockImportFiles Files { get; set; } = default!;

    [Inject]
    private StockImportQueue Queue { get; set; } = default!;

    [Inject]
    private StockImportProgress ImportProgress { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private IStringLocalizer<StockImportText> L { get; set; } = default!;

    [Inject]
    private IOptions<StockImportOptions> Options { get; set; } = default!;

    [Inject]
    private ILogger<ImportStock> Logger { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    private long MaxUploadMegabytes => Math.Max(1, Options.Value.MaxUploadBytes / (1024 * 1024));

    private bool CanApply => !busy && storedFile is not null && preview is { CanApply: true, ChangedCount: > 0 };

    private StockImportProfile? Profile => profiles.SingleOrDefault(p => p.Id == profileId);

    private DateTime CountedAt => countedAtDate is { } date
        ? DateTime.SpecifyKind(date.Date + (countedAtTime ?? TimeSpan.Zero), DateTimeKind.Utc)
        : uploadedAt;

    private string FailedRowsUrl =>
        $"/stock/import/uploads/{storedFile}/failed-rows.csv?profile={profileId}"
        + $"&countedAt={Uri.EscapeDataString(CountedAt.ToString("o", CultureInfo.InvariantCulture))}";

    private int? Progress(Guid importId) => ImportProgress.Get(importId);

    protected override async Task OnInitializedAsync()
    {
        profiles = await ProfileService.ListAsync(CancellationToken.None);
        profileId = profiles.Count == 1 ? profiles[0].Id : null;
        await RefreshImportsAsync();

        // Background imports change status without this page's help, so the list is read again while any runs.
        refreshTimer = Clock.CreateTimer(_ => _ = InvokeAsync(RefreshIfRunningAsync), null, RefreshInterval, RefreshInterval);
    }

    private async Task RefreshIfRunningAsync()
    {
        if (imports.Any(i => i.Status is StockImportStatus.Queued or StockImportStatus.Applying))
        {
            await RefreshImportsAsync();
            StateHasChanged();
        }
    }

    private async Task RefreshImportsAsync() => imports = await Records.ListAsync(20, CancellationToken.None);

    private async Task OnProfileChangedAsync(Guid? id)
    {
        profileId = id;
        await PreviewAgainAsync();
    }

    private async Task OnCountedAtDateChangedAsync(DateTime? date)
    {
        countedAtDate = date;
        await PreviewAgainAsync();
    }

    private async Task OnCountedAtTimeChangedAsync(TimeSpan? time)
    {
        countedAtTime = time;
        await PreviewAgainAsync();
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
            // The limit is passed on because OpenReadStream rejects anything over 512 KB by default.
            await using (var upload = file.OpenReadStream(Options.Value.MaxUploadBytes))
            {
                storedFile = await Files.SaveAsync(upload, CancellationToken.None);
            }

            uploadedAt = Clock.GetUtcNow().UtcDateTime;
            await PreviewAsync();
        }
        catch (IOException exception)
        {
            LogUploadFailed(Logger, exception, file.Size);
            errorMessage = L["UploadFailed"];
            DeleteStoredFile();
        }
        finally
        {
            busy = false;
        }
    }

    private async Task PreviewAgainAsync()
    {
        if (storedFile is null || busy)
        {
            return;
        }

        busy = true;
        try
        {
            notice = null;
            await PreviewAsync();
        }
        finally
        {
            busy = false;
        }
    }

    private async Task PreviewAsync()
    {
        confirming = false;
        if (Profile is not { } profile)
        {
            preview = null;
            return;
        }

        await using var scope = ScopeFactory.CreateAsyncScope();
        var planner = scope.ServiceProvider.GetRequiredService<StockImportPlanner>();
        var reader = scope.ServiceProvider.GetRequiredService<IStockFileReader>();
        await using var content = Files.Open(storedFile!);
        preview = await planner.PlanAsync(
            profile, reader.ReadAsync(content, profile, CancellationToken.None), CountedAt, CancellationToken.None);
    }

    private async Task ApplyAsync()
    {
        if (!CanApply || Profile is not { } profile)
        {
            return;
        }

        var import = new Core.Inventory.Import.StockImport
        {
            ProfileId = profile.Id,
            ProfileName = profile.Name,
            ProfileVersion = profile.Version,
            FileName = fileName ?? storedFile!,
            StoredFileName = storedFile!,
            Mode = profile.Mode,
            CountedAt = CountedAt,
            UserName = await UserNameAsync(),
            RowCount = preview!.Rows.Count,
        };
        await Records.QueueAsync(import, CancellationToken.None);
        Queue.Enqueue(import.Id);

        // The queue owns the stored file from here on, so leaving the page must not delete it.
        storedFile = null;
        preview = null;
        confirming = false;
        notice = L["Queued"];
        await RefreshImportsAsync();
    }

    private async Task UndoAsync(StockImportSummary import)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            L["Undo"], L["ConfirmUndo", import.FileName], yesText: L["Undo"], cancelText: L["Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        await using var scope = ScopeFactory.CreateAsyncScope();
        var runner = scope.ServiceProvider.GetRequiredService<StockImportRunner>();
        var rejection = await runner.UndoAsync(import.Id, await UserNameAsync(), CancellationToken.None);
        errorMessage = rejection;
        notice = rejection is null ? L["Undone"].Value : null;
        await RefreshImportsAsync();
    }

    private async Task<string> UserNameAsync()
    {
        var user = AuthenticationState is null ? null : (await AuthenticationState).User.Identity?.Name;
        return user ?? "web";
    }

    private void Reset()
    {
        DeleteStoredFile();
        preview = null;
        errorMessage = null;
        notice = null;
        confirming = false;
    }

    private void DeleteStoredFile()
    {
        Files.Delete(storedFile);
        storedFile = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (refreshTimer is not null)
        {
            await refreshTimer.DisposeAsync();
        }

        DeleteStoredFile();
    }

    [LoggerMessage(1310, LogLevel.Warning, "Stock file upload of {Size} bytes failed")]
    private static partial void LogUploadFailed(ILogger logger, Exception exception, long size);
}
