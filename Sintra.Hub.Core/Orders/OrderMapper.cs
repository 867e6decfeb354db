using Sintra.Hub.Core.Channels;

namespace Sintra.Hub.Core.Orders;

/// <summary>Copies the fields of a <see cref="ChannelOrder"/> onto the stored order.</summary>
internal static class OrderMapper
{
    public static void CopyHeader(ChannelOrder source, Order order, SalesChannel channel, DateTime now)
    {
        order.Name = source.Name;
        order.OrderNumber = source.OrderNumber;
        order.Email = source.Email;
        order.Phone = source.Phone;
        order.CustomerExternalId = source.CustomerExternalId;
        order.CustomerName = source.CustomerName;
        CopyAddress(source.BillingAddress, order.BillingAddress);
        CopyAddress(source.ShippingAddress, order.ShippingAddress);
        order.Currency = source.Currency;
        order.PresentmentCurrency = source.PresentmentCurrency;
        order.SubtotalPrice = source.SubtotalPrice;
        order.TotalDiscounts = source.TotalDiscounts;
        order.TotalShipping = source.TotalShipping;
        order.TotalTax = source.TotalTax;
        order.TotalPrice = source.TotalPrice;
        order.PresentmentTotalPrice = source.PresentmentTotalPrice;
        order.TaxesIncluded = source.TaxesIncluded;
        order.FinancialStatus = source.FinancialStatus;
        order.ChannelFulfillmentStatus = source.FulfillmentStatus;
        order.Note = source.Note;
        order.PlacedAt = source.CreatedAt;
        order.BusinessDate = BusinessDate(source.CreatedAt, channel.TimeZone);
        order.ChannelUpdatedAt = source.UpdatedAt;
        var fiscal = FiscalValidator.Read(source.NoteAttributes, channel.FiscalAttributes);
        order.Fiscal.CodiceFiscale = fiscal.CodiceFiscale;
        order.Fiscal.PartitaIva = fiscal.PartitaIva;
        order.Fiscal.CodiceDestinatario = fiscal.CodiceDestinatario;
        order.Fiscal.Pec = fiscal.Pec;
        order.Fiscal.Problems = fiscal.Problems;
        order.HasFiscalProblems = order.Fiscal.Problems is not null;
        order.UpdatedAt = now;
    }

    public static void CopyLine(ChannelOrderLine source, OrderLine line)
    {
        line.ExternalProductId = source.ExternalProductId;
        line.ExternalVariantId = source.ExternalVariantId;
        line.Sku = source.Sku;
        line.Title = source.Title;
        line.VariantTitle = source.VariantTitle;
        line.Quantity = source.Quantity;
        line.Price = source.Price;
        line.PresentmentPrice = source.PresentmentPrice;
        line.TotalDiscount = source.TotalDiscount;
        line.RequiresShipping = source.RequiresShipping;
    }

    /// <summary>Returns the calendar date of a UTC instant in an IANA time zone.</summary>
    public static DateOnly BusinessDate(DateTime utc, string timeZoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        return DateOnly.FromDateTime(local);
    }

    // Owned values are changed in place, because EF Core tracks the instances it loaded.
    private static void CopyAddress(Address? source, Address target)
    {
        target.FirstName = source?.FirstName;
        target.LastName = source?.LastName;
        target.Company = source?.Company;
        target.Address1 = source?.Address1;
        target.Address2 = source?.Address2;
        target.City = source?.City;
        target.Province = source?.Province;
        target.ProvinceCode = source?.ProvinceCode;
        target.Zip = source?.Zip;
        target.Country = source?.Country;
        target.CountryCode = source?.CountryCode;
        target.Phone = source?.Phone;
    }
}
