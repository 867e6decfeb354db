using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MudBlazor;
using Sintra.Hub.Core.Assets;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Assets;
using Sintra.Hub.Web.Resources;

namespace Sintra.Hub.Web.Components.Pages.Assets;

/// <summary>
/// The asset library: folder tree, search and type filter, a paged thumbnail grid, and uploads of many files with
/// per-file progress. Each database operation runs in its own scope, so an upload and a search never share a context.
/// </summary>
public sealed partial class AssetLibraryPage
{
    private const int PageSize = 24;
    private const int MaxFilesPerDrop = 100;

    private readonly List<UploadItem> uploads = [];
    private IReadOnlyList<AssetFolderNode> folders = [];
    private List<Asset> assets = [];
    private Guid? selectedFolder;
    private string? search;
    private AssetKind? kind;
    private int page;
    private int total;
    private string? newFolderName;
    private string? folderError;

    [Inject]
    private IServiceScopeFactory ScopeFactory { get; set; } = default!;

    [Inject]
    private IStringLocalizer<DamText> L { get; set; } = default!;

    [Inject]
    private IOptions<AssetOptions> Options { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private ILogger<AssetLibraryPage> Logger { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    private string MaxMegabytes => (Options.Value.MaxFileBytes / (1024 * 1024.0)).ToString("0.#");

    private string AcceptedTypes => string.Join(", ", Options.Value.AcceptedContentTypes);

    private int PageCount => (total + PageSize - 1) / PageSize;

    protected override async Task OnInitializedAsync()
    {
        await LoadFoldersAsync();
        await LoadAssetsAsync();
    }

    private IEnumerable<(AssetFolderNode Folder, int Depth)> FolderRows()
    {
        var children = folders.ToLookup(f => f.ParentId);
        var visited = new HashSet<Guid>();
        var stack = new Stack<(AssetFolderNode, int)>(children[null].Reverse().Select(f => (f, 0)));
        while (stack.Count > 0)
        {
            var (folder, depth) = stack.Pop();
            if (!visited.Add(folder.Id))
            {
                continue;
            }

            yield return (folder, depth);
            foreach (var child in children[folder.Id].Reverse())
            {
                stack.Push((child, depth + 1));
            }
        }
    }

    private async Task LoadFoldersAsync()
    {
        await using var scope = ScopeFactory.CreateAsyncScope();
        folders = await scope.ServiceProvider.GetRequiredService<AssetLibrary>().ListFoldersAsync(CancellationToken.None);
    }

    private async Task LoadAssetsAsync()
    {
        await using var scope = ScopeFactory.CreateAsyncScope();
        var library = scope.ServiceProvider.GetRequiredService<AssetLibrary>();
        var result = await library.SearchAsync(new AssetQuery(selectedFolder, search, kind, page, PageSize), CancellationToken.None);
        assets = result.Items.ToList();
        total = result.TotalCount;
    }

    private async Task SelectFolderAsync(Guid? folderId)
    {
        selectedFolder = folderId;
        page = 0;
        folderError = null;
        await LoadAssetsAsync();
    }

    private async Task OnSearchChangedAsync(string? value)
    {
        search = value;
        page = 0;
        await LoadAssetsAsync();
    }

    private async Task OnKindChangedAsync(AssetKind? value)
    {
        kind = value;
        page = 0;
        await LoadAssetsAsync();
    }

    private async Task OnPageChangedAsync(int selected)
    {
        page = selected - 1;
        await LoadAssetsAsync();
    }

    private async Task OnFolderKeyAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            await CreateFolderAsync();
        }
    }

    private async Task CreateFolderAsync()
    {
        var name = newFolderName?.Trim() ?? string.Empty;
        await using var scope = ScopeFactory.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AssetLibrary>()
            .CreateFolderAsync(selectedFolder, name, CancellationToken.None);
        folderError = result.Outcome switch
        {
            SaveOutcome.Saved => null,
            SaveOutcome.Invalid when result.Errors.Any(e => e.Code == "Duplicate") => L["FolderDuplicate", name].Value,
            _ => L["FolderInvalid", name].Value,
        };
        if (result.Outcome == SaveOutcome.Saved)
        {
            newFolderName = null;
            await LoadFoldersAsync();
        }
    }

    private async Task DeleteFolderAsync()
    {
        if (selectedFolder is not { } folderId)
        {
            return;
        }

        await using var scope = ScopeFactory.CreateAsyncScope();
        if (!await scope.ServiceProvider.GetRequiredService<AssetLibrary>().DeleteFolderAsync(folderId, CancellationToken.None))
        {
            folderError = L["FolderNotEmpty"];
            return;
        }

        var parent = folders.FirstOrDefault(f => f.Id == folderId)?.ParentId;
        await LoadFoldersAsync();
        await SelectFolderAsync(parent);
    }

    private async Task OnFilesChosenAsync(InputFileChangeEventArgs e)
    {
        var files = e.GetMultipleFiles(MaxFilesPerDrop);
        var batch = files.Select(f => new UploadItem(f)).ToList();
        uploads.InsertRange(0, batch);
        foreach (var item in batch)
        {
            await UploadAsync(item, allowDuplicate: false);
        }

        await LoadFoldersAsync();
        await LoadAssetsAsync();
    }

    private async Task UploadCopyAsync(UploadItem item)
    {
        await UploadAsync(item, allowDuplicate: true);
        await LoadFoldersAsync();
        await LoadAssetsAsync();
    }

    private async Task UploadAsync(UploadItem item, bool allowDuplicate)
    {
        var limit = Options.Value.MaxFileBytes;
        item.Message = null;
        if (item.File.Size > limit)
        {
            item.Reject(L["RejectTooLarge", item.Name, Megabytes(item.File.Size), MaxMegabytes]);
            return;
        }

        item.Status = UploadStatus.Uploading;
        item.Bytes = 0;
        StateHasChanged();
        try
        {
            await using var scope = ScopeFactory.CreateAsyncScope();
            var uploader = scope.ServiceProvider.GetRequiredService<AssetUploader>();
            var progress = new RenderingProgress(this, item);
            var request = new AssetUploadRequest(item.Name, selectedFolder, await UserNameAsync(), allowDuplicate);
            await using var content = item.File.OpenReadStream(limit);
            var result = await uploader.UploadAsync(content, request, progress, CancellationToken.None);
            Complete(item, result);
        }
        catch (IOException ex)
        {
            // The browser stream fails when the file changes on disk or the connection drops mid-upload.
            Logger.LogWarning(ex, "Upload of {FileName} failed", item.Name);
            item.Reject(L["UploadFailed", item.Name, ex.Message]);
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            // The store or the database failed. The file is reported, and the other files of the drop go on.
            Logger.LogError(ex, "Upload of {FileName} could not be stored", item.Name);
            item.Reject(L["UploadFailed", item.Name, ex.Message]);
        }
    }

    private void Complete(UploadItem item, AssetUploadResult result)
    {
        item.Bytes = item.File.Size;
        switch (result.Status)
        {
            case AssetUploadStatus.Stored:
                item.Status = UploadStatus.Stored;
                break;
            case AssetUploadStatus.Duplicate:
                item.Status = UploadStatus.Duplicate;
                item.Message = L["DuplicateOf", result.Asset!.FileName];
                break;
            default:
                item.Reject(result.Rejection switch
                {
                    AssetRejection.TooLarge => L["RejectTooLarge", item.Name, Megabytes(item.File.Size), MaxMegabytes],
                    AssetRejection.Empty => L["RejectEmpty", item.Name],
                    AssetRejection.InvalidImage => L["RejectInvalidImage", item.Name],
                    _ => L["RejectType", item.Name, result.ContentType ?? SniffedType.OctetStream, AcceptedTypes],
                });
                break;
        }
    }

    private async Task EditAsync(Asset asset)
    {
        var parameters = new DialogParameters<AssetDialog>
        {
            { d => d.AssetId, asset.Id },
            { d => d.Folders, folders },
        };
        var options = new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await Dialogs.ShowAsync<AssetDialog>(L["EditTitle"], parameters, options);
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: string message })
        {
            Snackbar.Add(message, Severity.Success);
        }

        await LoadFoldersAsync();
        await LoadAssetsAsync();
    }

    private async Task<string> UserNameAsync()
    {
        var state = AuthenticationState is null ? null : await AuthenticationState;
        return state?.User.Identity?.Name ?? "web";
    }

    private string Describe(Asset asset)
    {
        var size = asset.SizeBytes >= 1024 * 1024 ? $"{Megabytes(asset.SizeBytes)} MB" : $"{Math.Max(1, asset.SizeBytes / 1024)} KB";
        var dimensions = asset.Width is null ? asset.ContentType : L["Dimensions", asset.Width, asset.Height!].Value;
        return L["Details", dimensions, size, asset.Tags ?? string.Empty].Value.TrimEnd(' ', '·');
    }

    private static string Megabytes(long bytes) => (bytes / (1024 * 1024.0)).ToString("0.#");

    private static string KindIcon(AssetKind kind) => kind switch
    {
        AssetKind.Vector => Icons.Material.Filled.Gesture,
        AssetKind.Document => Icons.Material.Filled.PictureAsPdf,
        AssetKind.Video => Icons.Material.Filled.Movie,
        AssetKind.Image => Icons.Material.Filled.Image,
        _ => Icons.Material.Filled.InsertDriveFile,
    };

    private static Color StatusColor(UploadStatus status) => status switch
    {
        UploadStatus.Stored => Color.Success,
        UploadStatus.Duplicate => Color.Warning,
        UploadStatus.Rejected => Color.Error,
        _ => Color.Primary,
    };

    private enum UploadStatus
    {
        Waiting,
        Uploading,
        Stored,
        Duplicate,
        Rejected,
    }

    private sealed class UploadItem(IBrowserFile file)
    {
        public IBrowserFile File { get; } = file;

        public string Name => File.Name;

        public UploadStatus Status { get; set; } = UploadStatus.Waiting;

        public long Bytes { get; set; }

        public string? Message { get; set; }

        public double Percent => File.Size == 0 ? 100 : Math.Min(100, Bytes * 100.0 / File.Size);

        public void Reject(string message)
        {
            Status = UploadStatus.Rejected;
            Message = message;
        }
    }

    // Re-renders only when the shown percentage changes, so a large file does not send thousands of renders.
    private sealed class RenderingProgress(AssetLibraryPage page, UploadItem item) : IProgress<long>
    {
        private int shownPercent = -1;

        public void Report(long value)
        {
            item.Bytes = value;
            var percent = (int)item.Percent;
            if (percent != shownPercent)
            {
                shownPercent = percent;
                _ = page.InvokeAsync(page.StateHasChanged);
            }
        }
    }
}
