namespace Sintra.Hub.Core.Channels;

/// <summary>Fields of the channel form. The webhook secret is set separately.</summary>
public sealed record ChannelInput
{
    public string? Name { get; set; }

    /// <summary>The shop's permanent domain. A pasted URL such as <c>https://x.myshopify.com/</c> is accepted.</summary>
    public string? ShopDomain { get; set; }

    public Guid? OrderWarehouseId { get; set; }

    /// <summary>IANA time zone id, for example <c>Europe/Rome</c>.</summary>
    public string? TimeZone { get; set; } = "Europe/Rome";

    public string? Currency { get; set; } = "EUR";

    public string? CodiceFiscaleAttribute { get; set; } = "codice_fiscale";

    public string? PartitaIvaAttribute { get; set; } = "partita_iva";

    public string? CodiceDestinatarioAttribute { get; set; } = "codice_destinatario";

    public string? PecAttribute { get; set; } = "pec";

    public bool IsActive { get; set; } = true;

    /// <summary>
    /// Warehouses whose stock the channel sells, in fallback order; empty means the order warehouse alone.
    /// </summary>
    public List<Guid> StockSourceIds { get; set; } = [];

    /// <summary>Units held back from the channel on every item; zero or more.</summary>
    public int StockBuffer { get; set; }

    /// <summary>Most units the channel may show for one item; null for no cap.</summary>
    public int? StockCap { get; set; }
}
