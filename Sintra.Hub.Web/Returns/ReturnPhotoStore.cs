using Microsoft.Extensions.Options;
using Sintra.Hub.Core.Returns;

namespace Sintra.Hub.Web.Returns;

/// <summary>Keeps return photos in a local folder under the data folder, named by id, never by the uploaded name.</summary>
public sealed class ReturnPhotoStore(IOptions<ReturnsOptions> options)
{
    public string Folder => options.Value.PhotoFolder;

    /// <summary>
    /// Checks and stores the files. Returns the photos, or the uploaded name of the first file that is too large or not
    /// a JPEG, PNG or WebP image by its content. Nothing stays on disk in that case.
    /// </summary>
    public async Task<(IReadOnlyList<ReturnPhoto> Photos, string? Rejected)> SaveAsync(
        IReadOnlyList<IFormFile> files,
        CancellationToken cancellationToken)
    {
        var stored = new List<ReturnPhoto>();
        foreach (var file in files)
        {
            var head = new byte[16];
            await using (var stream = file.OpenReadStream())
            {
                await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
            }

            var type = PhotoSniffer.Sniff(head);
            if (file.Length > options.Value.MaxPhotoBytes || type is null)
            {
                Delete(stored);
                return ([], Path.GetFileName(file.FileName));
            }

            Directory.CreateDirectory(Folder);
            var photo = new ReturnPhoto { StoredName = string.Empty, ContentType = type.Value.ContentType, Length = file.Length };
            photo.StoredName = photo.Id.ToString("N") + type.Value.Extension;
            await using (var target = File.Create(Path.Combine(Folder, photo.StoredName)))
            {
                await file.CopyToAsync(target, cancellationToken);
            }

            stored.Add(photo);
        }

        return (stored, null);
    }

    /// <summary>Opens a stored photo, or returns null when the name is not one this store wrote.</summary>
    public FileStream? Open(ReturnPhoto photo)
    {
        var path = Path.Combine(Folder, Path.GetFileName(photo.StoredName));
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    public void Delete(IEnumerable<ReturnPhoto> photos)
    {
        foreach (var photo in photos)
        {
            File.Delete(Path.Combine(Folder, Path.GetFileName(photo.StoredName)));
        }
    }
}
