using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Channels;

/// <summary>A shop or marketplace that sells the catalog and sends orders to the hub.</summary>
public class SalesChannel : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    public ChannelKind Kind { get; set; } = ChannelKind.Shopify;

    /// <summary>The shop's permanent domain, for example <c>my-shop.myshopify.com</c>; unique.</summary>
    public required string ShopDomain { get; set; }

    /// <summary>Webhook signing secret, encrypted with ASP.NET Core Data Protection.</summary>
    public string? WebhookSecretProtected { get; set; }

    /// <summary>
    /// The secret that was current before the last rotation, also encrypted. Deliveries signed with it are still
    /// accepted so that a rotation loses no webhook already in flight.
    /// </summary>
    public string? PreviousWebhookSecretProtected { get; set; }

    /// <summary>
    /// Warehouse in which this channel's order lines reserve stock first; when it runs short, the other
    /// <see cref="StockSources"/> follow in priority order.
    /// </summary>
    public Guid? OrderWarehouseId { get; set; }

    /// <summary>Warehouses whose available stock the channel sells; none means the order warehouse alone.</summary>
    public List<ChannelStockSource> StockSources { get; set; } = [];

    /// <summary>Units held back from the channel on every item, so that it stops selling before stock runs out.</summary>
    public int StockBuffer { get; set; }

    /// <summary>Most units the channel may show for one item; null for no cap.</summary>
    public int? StockCap { get; set; }

    /// <summary>IANA time zone of the shop; decides an order's business date.</summary>
    public string TimeZone { get; set; } = "Europe/Rome";

    /// <summary>ISO 4217 code of the shop currency.</summary>
    public string Currency { get; set; } = "EUR";

    /// <summary>Names of the order note attributes that carry Italian e-invoicing data.</summary>
    public FiscalAttributeMap FiscalAttributes { get; set; } = new();

    public bool IsActive { get; set; } = true;

    public long Version { get; set; }
}

public enum ChannelKind
{
    Shopify,
}

/// <summary>
/// Names of the order note attributes (checkout fields) from which e-invoicing data is read. Each shop's
/// checkout app names them differently, so the names are set per channel; matching ignores case.
/// </summary>
public class FiscalAttributeMap
{
    public string CodiceFiscale { get; set; } = "codice_fiscale";

    public string PartitaIva { get; set; } = "partita_iva";

    public string CodiceDestinatario { get; set; } = "codice_destinatario";

    public string Pec { get; set; } = "pec";
}
