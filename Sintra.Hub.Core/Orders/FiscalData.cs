namespace Sintra.Hub.Core.Orders;

/// <summary>Italian e-invoicing data of an order and the result of its validation.</summary>
public class FiscalData
{
    /// <summary>Codice fiscale: 16 characters for a person, 11 digits for a company.</summary>
    public string? CodiceFiscale { get; set; }

    /// <summary>Partita IVA: 11 digits with a Luhn-style check digit, optionally prefixed by <c>IT</c>.</summary>
    public string? PartitaIva { get; set; }

    /// <summary>Codice destinatario SDI: 7 characters for companies, 6 for public administration.</summary>
    public string? CodiceDestinatario { get; set; }

    /// <summary>Certified e-mail (PEC) that receives the invoice when no SDI code is given.</summary>
    public string? Pec { get; set; }

    /// <summary>Validation problems, one a line; empty when the data is valid or absent.</summary>
    public string? Problems { get; set; }

    public bool HasAny =>
        !string.IsNullOrEmpty(CodiceFiscale) || !string.IsNullOrEmpty(PartitaIva)
        || !string.IsNullOrEmpty(CodiceDestinatario) || !string.IsNullOrEmpty(Pec);
}
