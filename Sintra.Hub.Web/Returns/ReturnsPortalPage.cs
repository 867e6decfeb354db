using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Core.Returns;
using Sintra.Hub.Web.Resources;

namespace Sintra.Hub.Web.Returns;

/// <summary>Writes the returns page's HTML in the customer's language; every value is HTML-encoded.</summary>
public sealed class ReturnsPortalPage(IStringLocalizer<ReturnsText> text, IOptions<ReturnsOptions> options, PortalToken token)
{
    private string locale = "it";

    public IStringLocalizer<ReturnsText> Text => text;

    /// <summary>Sets the language of the response and lets the channel's origins frame it.</summary>
    public void Begin(HttpContext context, ChannelReturnSettings settings, string language)
    {
        locale = language;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(language);
        FramingPolicy.AllowFraming(context, settings.FrameOrigins());
        context.Response.Headers.CacheControl = "no-store";
    }

    public IResult NotFound(HttpContext context)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("it");
        return Html(Layout(text["NotAvailable"], $"<p>{E(text["NotAvailable"])}</p>"), StatusCodes.Status404NotFound);
    }

    public IResult TooManyRequests() =>
        Html(Layout(text["Title"], $"<p class=\"error\" role=\"alert\">{E(text["Error.TooMany"])}</p>"), StatusCodes.Status429TooManyRequests);

    public IResult Lookup(ChannelReturnSettings settings, string? error)
    {
        var body = new StringBuilder();
        body.Append(Error(error));
        body.Append($"<p>{E(text["Lookup.Intro"])}</p>");
        body.Append($"<form method=\"post\" action=\"/returns/{E(settings.Slug)}/lookup\">");
        body.Append($"<input type=\"hidden\" name=\"locale\" value=\"{locale}\">");
        body.Append(Field("order", text["Lookup.OrderNumber"], "text", "autocomplete=\"off\" required maxlength=\"32\""));
        body.Append(Field("contact", text["Lookup.Contact"], "text", "autocomplete=\"email\" required maxlength=\"320\""));
        body.Append($"<button type=\"submit\">{E(text["Lookup.Submit"])}</button></form>");
        return Html(Layout(text["Title"], body.ToString()));
    }

    public async Task<IResult> LinesAsync(
        HubDbContext db,
        ChannelReturnSettings settings,
        Order order,
        string? error,
        CancellationToken cancellationToken)
    {
        var lines = await ReturnableQuantities.ComputeAsync(db, order, cancellationToken);
        var body = new StringBuilder();
        body.Append(Error(error));
        body.Append($"<h2>{E(string.Format(CultureInfo.CurrentCulture, text["Lines.Heading"], order.Name))}</h2>");
        if (lines.All(l => l.Returnable == 0))
        {
            body.Append($"<p>{E(text["Lines.None"])}</p>");
            return Html(Layout(text["Title"], body.ToString()));
        }

        var state = new PortalState(order.Id, settings.ChannelId, locale);
        body.Append($"<form method=\"post\" enctype=\"multipart/form-data\" action=\"/returns/{E(settings.Slug)}/submit\">");
        body.Append($"<input type=\"hidden\" name=\"token\" value=\"{E(token.Protect(state, TimeSpan.FromMinutes(options.Value.FormMinutes)))}\">");
        body.Append($"<table><thead><tr><th>{E(text["Dash.Item"])}</th><th>{E(text["Lines.Quantity"])}</th></tr></thead><tbody>");
        foreach (var line in lines.Where(l => l.Returnable > 0))
        {
            var name = line.VariantTitle is { Length: > 0 } variant ? $"{line.Title} – {variant}" : line.Title;
            var id = "qty-" + line.OrderLineId.ToString("N");
            body.Append($"<tr><td><label for=\"{id}\">{E(name)}</label><br><small id=\"{id}-hint\">")
                .Append(E(string.Format(CultureInfo.CurrentCulture, text["Lines.Returnable"], line.Returnable, line.Bought)))
                .Append($"</small></td><td><input id=\"{id}\" name=\"qty:{line.OrderLineId}\" type=\"number\" min=\"0\" ")
                .Append($"max=\"{line.Returnable}\" value=\"0\" aria-describedby=\"{id}-hint\"></td></tr>");
        }

        body.Append("</tbody></table>");
        body.Append($"<label for=\"reason\">{E(text["Reason"])}</label><select id=\"reason\" name=\"reason\" required>");
        body.Append($"<option value=\"\">{E(text["Reason.Choose"])}</option>");
        foreach (var reason in settings.Reasons)
        {
            body.Append($"<option value=\"{E(reason.Code)}\">{E(reason.Label(locale))}</option>");
        }

        body.Append("</select>");
        body.Append($"<label for=\"comment\">{E(text["Comment"])}</label>");
        body.Append($"<textarea id=\"comment\" name=\"comment\" rows=\"3\" maxlength=\"{ReturnService.MaxCommentLength}\"></textarea>");
        if (options.Value.MaxPhotos > 0)
        {
            var megabytes = options.Value.MaxPhotoBytes / (1024.0 * 1024.0);
            var label = string.Format(CultureInfo.CurrentCulture, text["Photos"], options.Value.MaxPhotos, megabytes);
            body.Append($"<label for=\"photos\">{E(label)}</label>");
            body.Append("<input id=\"photos\" name=\"photos\" type=\"file\" multiple accept=\"image/jpeg,image/png,image/webp\">");
        }

        body.Append($"<button type=\"submit\">{E(text["Submit"])}</button></form>");
        return Html(Layout(text["Title"], body.ToString()));
    }

    public IResult Done(ChannelReturnSettings settings, ReturnRequest request)
    {
        var body = new StringBuilder();
        body.Append($"<h2>{E(text["Done.Heading"])}</h2>");
        body.Append($"<p class=\"number\">{E(string.Format(CultureInfo.CurrentCulture, text["Done.Number"], request.Number))}</p>");
        body.Append($"<p>{E(text["Done.Email"])}</p>");
        if (settings.Instructions(locale) is { Length: > 0 } instructions)
        {
            body.Append($"<h3>{E(text["Done.Instructions"])}</h3>");
            body.Append($"<p class=\"instructions\">{E(instructions).Replace("\n", "<br>", StringComparison.Ordinal)}</p>");
        }

        return Html(Layout(text["Title"], body.ToString()));
    }

    private static string Field(string name, string label, string type, string attributes) =>
        $"<label for=\"{name}\">{E(label)}</label><input id=\"{name}\" name=\"{name}\" type=\"{type}\" {attributes}>";

    private static string Error(string? error) =>
        error is null ? string.Empty : $"<p class=\"error\" role=\"alert\">{E(error)}</p>";

    private string Layout(string title, string body) =>
        $"""
        <!DOCTYPE html>
        <html lang="{locale}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>{E(title)}</title>
        <style>{Style}</style>
        </head>
        <body><main><h1>{E(title)}</h1>{body}</main></body>
        </html>
        """;

    private const string Style =
        "body{font-family:system-ui,sans-serif;margin:0;padding:16px;color:#1f2933;background:#fff}"
        + "main{max-width:640px;margin:0 auto}h1{font-size:1.5rem}h2{font-size:1.2rem}"
        + "label{display:block;margin:12px 0 4px;font-weight:600}"
        + "input,select,textarea{box-sizing:border-box;width:100%;padding:8px;font:inherit;border:1px solid #9aa5b1;border-radius:4px}"
        + "table{width:100%;border-collapse:collapse}td{padding:8px 4px;border-bottom:1px solid #e4e7eb;vertical-align:top}"
        + "th{text-align:left;font-size:.85rem;color:#52606d;padding:4px}td:last-child,th:last-child{width:110px}td label{margin:0}"
        + "button{margin-top:16px;padding:10px 18px;font:inherit;border:0;border-radius:4px;background:#1d4ed8;color:#fff;cursor:pointer}"
        + "button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #93c5fd}"
        + ".error{padding:8px;border-radius:4px;background:#fde8e8;color:#9b1c1c}.number{font-size:1.25rem;font-weight:700}";

    /// <summary>Encodes the five HTML-special characters and keeps accented letters readable in the source.</summary>
    private static string E(string value) => value
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);

    private static IResult Html(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
}
