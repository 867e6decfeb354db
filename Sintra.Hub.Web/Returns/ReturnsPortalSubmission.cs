using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Returns;
using Sintra.Hub.Web.Resources;

namespace Sintra.Hub.Web.Returns;

/// <summary>Turns the posted return form into a <see cref="ReturnDraft"/>, stores its photos and opens the return.</summary>
public sealed class ReturnsPortalSubmission(
    ReturnService returns,
    PortalToken token,
    ReturnPhotoStore photos,
    IOptions<ReturnsOptions> options,
    IStringLocalizer<ReturnsText> text)
{
    public ReturnsOptions Options => options.Value;

    public PortalToken Token => token;

    /// <summary>Opens the return, or returns a message for the customer in the current UI language.</summary>
    public async Task<(ReturnRequest? Return, string? Error)> SubmitAsync(
        IFormCollection form,
        Order order,
        PortalState state,
        CancellationToken cancellationToken)
    {
        var lines = new List<ReturnDraftLine>();
        foreach (var (key, value) in form.Where(f => f.Key.StartsWith("qty:", StringComparison.Ordinal)))
        {
            if (!Guid.TryParse(key[4..], out var lineId)
                || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var quantity))
            {
                return (null, text["Error.NoLines"]);
            }

            if (quantity > 0)
            {
                lines.Add(new ReturnDraftLine(lineId, quantity));
            }
        }

        var files = form.Files.GetFiles("photos").Where(f => f.Length > 0).ToList();
        if (files.Count > Options.MaxPhotos)
        {
            return (null, string.Format(CultureInfo.CurrentCulture, text["Error.PhotoCount"], Options.MaxPhotos));
        }

        var (stored, photoError) = await photos.SaveAsync(files, cancellationToken);
        if (photoError is not null)
        {
            var megabytes = Options.MaxPhotoBytes / (1024.0 * 1024.0);
            return (null, string.Format(CultureInfo.CurrentCulture, text["Error.Photo"], photoError, megabytes));
        }

        var draft = new ReturnDraft(
            order.Id,
            form["reason"].ToString(),
            form["comment"].ToString(),
            lines,
            ReturnOrigin.Customer,
            state.Locale,
            order.Email ?? "customer",
            stored);
        var result = await returns.CreateAsync(draft, cancellationToken);
        if (result.Succeeded)
        {
            return (result.Return, null);
        }

        photos.Delete(stored);
        return (null, result.Problem switch
        {
            ReturnDraftProblem.NoLines or ReturnDraftProblem.InvalidLine => text["Error.NoLines"],
            ReturnDraftProblem.TooManyUnits => text["Error.Quantity"],
            ReturnDraftProblem.UnknownReason => text["Error.Reason"],
            ReturnDraftProblem.OutsideWindow => text["Error.Window"],
            ReturnDraftProblem.CommentTooLong => text["Error.Comment"],
            _ => text["Error.Expired"],
        });
    }
}
