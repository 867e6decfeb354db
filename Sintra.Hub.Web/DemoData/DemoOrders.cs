using System.Text.Json.Nodes;

namespace Sintra.Hub.Web.DemoData;

/// <summary>
/// Builds demo <c>orders/create</c> bodies in Shopify's REST shape: Italian customers, some with e-invoicing data
/// (one of them invalid, so the dashboard shows a flagged order), spread over the last 30 days.
/// </summary>
public static class DemoOrders
{
    private static readonly DemoCustomer[] Customers =
    [
        new("Giulia", "Bianchi", "giulia.bianchi@example.it", "Via Torino 12", "Milano", "MI", "20123",
            [("codice_fiscale", "BNCGLI90A41F205H"), ("codice_destinatario", "0000000"), ("pec", "giulia.bianchi@pec.example.it")]),
        new("Marco", "Esposito", "marco.esposito@example.it", "Via Toledo 256", "Napoli", "NA", "80134",
            [("partita_iva", "12345678903"), ("codice_destinatario", "M5UXCR1")]),
        new("Chiara", "Romano", "chiara.romano@example.it", "Corso Vittorio Emanuele II 18", "Roma", "RM", "00186", []),
        new("Luca", "Ferrari", "luca.ferrari@example.it", "Via dell'Indipendenza 5", "Bologna", "BO", "40121",
            [("partita_iva", "12345678901"), ("codice_destinatario", "ABC12")]),
        new("Sofia", "Ricci", "sofia.ricci@example.it", "Via Maqueda 100", "Palermo", "PA", "90133", []),
    ];

    /// <summary>Returns <paramref name="count"/> order bodies, the newest placed about an hour before <paramref name="now"/>.</summary>
    public static List<JsonObject> Build(IReadOnlyList<DemoVariant> variants, DateTimeOffset now, int count)
    {
        var random = new Random(20260301);
        var rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");
        var orders = new List<JsonObject>();

        for (var i = 0; i < count; i++)
        {
            var customer = Customers[i % Customers.Length];
            var daysAgo = i == 0 ? 0 : random.Next(0, 30);
            var placedUtc = now.AddDays(-daysAgo).AddHours(-1 - random.Next(0, 8)).AddMinutes(-random.Next(0, 60));
            var placed = TimeZoneInfo.ConvertTime(placedUtc, rome);
            var lines = PickLines(variants, random, i);
            orders.Add(BuildOrder(1001 + i, customer, placed, lines, paid: i % 4 != 3));
        }

        return orders;
    }

    private static List<(DemoVariant Variant, int Quantity, long LineId)> PickLines(
        IReadOnlyList<DemoVariant> variants, Random random, int orderIndex)
    {
        // Most orders sell well-stocked items; the fifth also asks for an item that is out of stock, so the
        // dashboard shows one stock shortfall.
        var stocked = variants.Where(v => v.OnHand >= 10).ToList();
        var pool = stocked.Count > 0 ? stocked : variants.ToList();
        var lineCount = 1 + random.Next(0, 3);
        var lines = Enumerable.Range(0, lineCount)
            .Select(n => (pool[random.Next(pool.Count)], 1 + random.Next(0, 2), 9_100_000_000_000L + (orderIndex * 10) + n))
            .DistinctBy(l => l.Item1.Sku)
            .ToList();

        var outOfStock = variants.FirstOrDefault(v => v.OnHand == 0);
        if (orderIndex == 4 && outOfStock is not null)
        {
            lines.Add((outOfStock, 1, 9_100_000_000_000L + (orderIndex * 10) + 9));
        }

        return lines;
    }

    private static JsonObject BuildOrder(
        int number,
        DemoCustomer customer,
        DateTimeOffset placed,
        List<(DemoVariant Variant, int Quantity, long LineId)> lines,
        bool paid)
    {
        var subtotal = lines.Sum(l => l.Variant.Price * l.Quantity);
        const decimal shipping = 6.90m;
        var total = subtotal + shipping;

        // Prices include 22 % Italian VAT, so the tax is the part of the total above total / 1.22.
        var tax = Math.Round(total - (total / 1.22m), 2, MidpointRounding.ToEven);
        var timestamp = placed.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

        return new JsonObject
        {
            // Shopify order ids exceed 2^53; these do too, so a parser that goes through double would show it.
            ["id"] = 9_007_199_254_800_000L + number,
            ["name"] = $"#{number}",
            ["order_number"] = number,
            ["email"] = customer.Email,
            ["created_at"] = timestamp,
            ["updated_at"] = timestamp,
            ["processed_at"] = timestamp,
            ["currency"] = "EUR",
            ["presentment_currency"] = "EUR",
            ["financial_status"] = paid ? "paid" : "pending",
            ["fulfillment_status"] = null,
            ["taxes_included"] = true,
            ["subtotal_price"] = Money(subtotal),
            ["total_price"] = Money(total),
            ["total_tax"] = Money(tax),
            ["total_discounts"] = "0.00",
            ["customer"] = new JsonObject
            {
                ["id"] = 7_000_000_000_000L + number,
                ["first_name"] = customer.FirstName,
                ["last_name"] = customer.LastName,
                ["email"] = customer.Email,
            },
            ["billing_address"] = Address(customer),
            ["shipping_address"] = Address(customer),
            ["shipping_lines"] = new JsonArray(new JsonObject { ["title"] = "Corriere espresso", ["price"] = Money(shipping) }),
            ["note_attributes"] = new JsonArray(customer.FiscalAttributes
                .Select(a => (JsonNode)new JsonObject { ["name"] = a.Name, ["value"] = a.Value })
                .ToArray()),
            ["line_items"] = new JsonArray(lines.Select(l => (JsonNode)new JsonObject
            {
                ["id"] = l.LineId,
                ["variant_id"] = null,
                ["product_id"] = null,
                ["sku"] = l.Variant.Sku,
                ["title"] = l.Variant.ProductTitle,
                ["variant_title"] = l.Variant.VariantTitle,
                ["quantity"] = l.Quantity,
                ["price"] = Money(l.Variant.Price),
                ["total_discount"] = "0.00",
                ["requires_shipping"] = true,
            }).ToArray()),
        };
    }

    private static JsonObject Address(DemoCustomer customer) => new()
    {
        ["first_name"] = customer.FirstName,
        ["last_name"] = customer.LastName,
        ["address1"] = customer.Street,
        ["city"] = customer.City,
        ["province"] = customer.Province,
        ["province_code"] = customer.Province,
        ["zip"] = customer.Zip,
        ["country"] = "Italy",
        ["country_code"] = "IT",
    };

    private static string Money(decimal amount) =>
        amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    private sealed record DemoCustomer(
        string FirstName,
        string LastName,
        string Email,
        string Street,
        string City,
        string Province,
        string Zip,
        (string Name, string Value)[] FiscalAttributes);
}

/// <summary>A catalog variant that demo orders may sell.</summary>
public sealed record DemoVariant(string Sku, string ProductTitle, string? VariantTitle, decimal Price, int OnHand);
