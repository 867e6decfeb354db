using System.Net;
using System.Text;

namespace Sintra.Hub.Infrastructure.Email;

public enum CustomerEmailKind
{
    ReturnRequested,
    ReturnApproved,
    ReturnRejected,
    OrderShipped,
}

/// <summary>Values a customer e-mail shows. Unused values stay null.</summary>
public sealed record CustomerEmailModel(
    string? CustomerName,
    string OrderName,
    string? ReturnNumber = null,
    string? RejectionReason = null,
    string? Instructions = null,
    string? Carrier = null,
    string? TrackingNumber = null,
    string? TrackingUrl = null,
    IReadOnlyList<(string Title, int Quantity)>? Lines = null);

/// <summary>Renders customer e-mails in Italian or English, as plain text and simple HTML with encoded values.</summary>
public static class CustomerEmailTemplates
{
    public static CustomerEmail Render(CustomerEmailKind kind, string locale, CustomerEmailModel model)
    {
        var en = locale == "en";
        var (subject, paragraphs) = kind switch
        {
            CustomerEmailKind.ReturnRequested => (
                en ? $"We received your return request {model.ReturnNumber}" : $"Abbiamo ricevuto la richiesta di reso {model.ReturnNumber}",
                new[]
                {
                    en ? $"Your return request {model.ReturnNumber} for order {model.OrderName} is recorded. We will check it and write to you again."
                        : $"La richiesta di reso {model.ReturnNumber} per l'ordine {model.OrderName} è registrata. La controlleremo e ti scriveremo di nuovo.",
                    model.Instructions ?? string.Empty,
                }),
            CustomerEmailKind.ReturnApproved => (
                en ? $"Your return {model.ReturnNumber} is approved" : $"Il reso {model.ReturnNumber} è approvato",
                new[]
                {
                    en ? $"Your return {model.ReturnNumber} for order {model.OrderName} is approved. Please send the items back as described below."
                        : $"Il reso {model.ReturnNumber} per l'ordine {model.OrderName} è approvato. Spedisci gli articoli come indicato qui sotto.",
                    model.Instructions ?? string.Empty,
                }),
            CustomerEmailKind.ReturnRejected => (
                en ? $"Your return {model.ReturnNumber} was not accepted" : $"Il reso {model.ReturnNumber} non è stato accettato",
                new[]
                {
                    en ? $"We cannot accept return {model.ReturnNumber} for order {model.OrderName}."
                        : $"Non possiamo accettare il reso {model.ReturnNumber} per l'ordine {model.OrderName}.",
                    (en ? "Reason: " : "Motivo: ") + model.RejectionReason,
                }),
            _ => (
                en ? $"Your order {model.OrderName} has shipped" : $"Il tuo ordine {model.OrderName} è stato spedito",
                new[]
                {
                    en ? $"Your order {model.OrderName} is on its way." : $"Il tuo ordine {model.OrderName} è in viaggio.",
                    ShipmentLine(model, en),
                }),
            };

        var greeting = en ? $"Hello {model.CustomerName}," : $"Ciao {model.CustomerName},";
        var closing = en ? "Thank you." : "Grazie.";
        var lines = (model.Lines ?? []).Select(l => $"{l.Quantity} × {l.Title}").ToList();
        var body = paragraphs.Where(p => p.Length > 0).ToList();

        var text = new StringBuilder().AppendLine(greeting).AppendLine();
        foreach (var paragraph in body)
        {
            text.AppendLine(paragraph).AppendLine();
        }

        foreach (var line in lines)
        {
            text.AppendLine("- " + line);
        }

        text.AppendLine().AppendLine(closing);
        if (kind == CustomerEmailKind.OrderShipped && model.TrackingUrl is { Length: > 0 } url)
        {
            text.AppendLine(url);
        }

        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        html.Append("<p>").Append(Encode(greeting)).Append("</p>");
        foreach (var paragraph in body)
        {
            html.Append("<p>").Append(Encode(paragraph).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
        }

        if (lines.Count > 0)
        {
            html.Append("<ul>").Append(string.Concat(lines.Select(l => "<li>" + Encode(l) + "</li>"))).Append("</ul>");
        }

        if (kind == CustomerEmailKind.OrderShipped && IsHttpUrl(model.TrackingUrl))
        {
            html.Append("<p><a href=\"").Append(Encode(model.TrackingUrl!)).Append("\">")
                .Append(en ? "Track the parcel" : "Segui la spedizione").Append("</a></p>");
        }

        html.Append("<p>").Append(Encode(closing)).Append("</p></body></html>");
        return new CustomerEmail(subject, text.ToString(), html.ToString());
    }

    private static string ShipmentLine(CustomerEmailModel model, bool en)
    {
        if (string.IsNullOrEmpty(model.TrackingNumber))
        {
            return model.Carrier is null ? string.Empty : (en ? "Carrier: " : "Corriere: ") + model.Carrier;
        }

        return en
            ? $"Carrier: {model.Carrier ?? "-"}, tracking number: {model.TrackingNumber}"
            : $"Corriere: {model.Carrier ?? "-"}, numero di tracciamento: {model.TrackingNumber}";
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
