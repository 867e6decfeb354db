using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Orders;

namespace Sintra.Hub.Tests.Orders;

public class FiscalValidatorTests
{
    [Theory]
    [InlineData("RSSMRA85T10A562S", true)]
    [InlineData("BNCGLI90A41F205H", true)]
    [InlineData("RSSMRA85T10A56NH", true)]
    [InlineData("BNCGLI90A41F2LRN", true)]
    [InlineData("12345678903", true)]
    [InlineData("RSSMRA85T10A562T", false)]
    [InlineData("RSSMRA85T10A56NS", false)]
    [InlineData("RSSMRA85Z10A562S", false)]
    [InlineData("RSSMRA85T10A5A2S", false)]
    [InlineData("RSSMRA85T10A562", false)]
    [InlineData("12345678901", false)]
    [InlineData("rssmra85t10a562s", false)]
    public void CodiceFiscaleCases(string value, bool valid) =>
        Assert.Equal(valid, FiscalValidator.IsValidCodiceFiscale(value));

    [Theory]
    [InlineData("12345678903", true)]
    [InlineData("IT12345678903", true)]
    [InlineData("01234567897", true)]
    [InlineData("07330950960", true)]
    [InlineData("12345678904", false)]
    [InlineData("1234567890", false)]
    [InlineData("IT1234567890A", false)]
    [InlineData("DE12345678903", false)]
    public void PartitaIvaCases(string value, bool valid) =>
        Assert.Equal(valid, FiscalValidator.IsValidPartitaIva(value));

    [Theory]
    [InlineData("M5UXCR1", true)]
    [InlineData("UFABCD", true)]
    [InlineData("0000000", true)]
    [InlineData("M5UXCR", true)]
    [InlineData("M5UXCR12", false)]
    [InlineData("M5U-CR1", false)]
    [InlineData("12345", false)]
    public void CodiceDestinatarioCases(string value, bool valid) =>
        Assert.Equal(valid, FiscalValidator.IsValidCodiceDestinatario(value));

    [Theory]
    [InlineData("fatture@pec.example.it", true)]
    [InlineData("Mario Rossi <fatture@pec.example.it>", false)]
    [InlineData("fatture@pec", false)]
    [InlineData("fatture.pec.example.it", false)]
    public void PecCases(string value, bool valid) => Assert.Equal(valid, FiscalValidator.IsValidPec(value));

    [Fact]
    public void ReadTrimsAndUpperCasesCodes()
    {
        var map = new FiscalAttributeMap { CodiceFiscale = "Codice Fiscale", PartitaIva = "P.IVA" };
        var data = FiscalValidator.Read(
            [
                new ChannelAttribute("codice fiscale", "  rssmra85t10a562s "),
                new ChannelAttribute("p.iva", "it12345678903"),
                new ChannelAttribute("CODICE_DESTINATARIO", "m5uxcr1"),
                new ChannelAttribute("pec", " fatture@pec.example.it "),
            ],
            map);

        Assert.Equal("RSSMRA85T10A562S", data.CodiceFiscale);
        Assert.Equal("IT12345678903", data.PartitaIva);
        Assert.Equal("M5UXCR1", data.CodiceDestinatario);
        Assert.Equal("fatture@pec.example.it", data.Pec);
        Assert.Null(data.Problems);
    }

    [Fact]
    public void ReadListsEveryProblemPerLine()
    {
        var data = FiscalValidator.Read(
            [
                new ChannelAttribute("codice_fiscale", "RSSMRA85T10A562T"),
                new ChannelAttribute("partita_iva", "12345678904"),
                new ChannelAttribute("codice_destinatario", "0000000"),
            ],
            new FiscalAttributeMap());

        var problems = data.Problems!.Split('\n');
        Assert.Equal(3, problems.Length);
        Assert.Contains("Codice fiscale 'RSSMRA85T10A562T'", problems[0]);
        Assert.Contains("Partita IVA '12345678904'", problems[1]);
        Assert.Contains("'0000000' needs a PEC", problems[2]);
    }

    [Fact]
    public void ZerosCodeWithPecIsValid()
    {
        var data = new FiscalData { CodiceDestinatario = "0000000", Pec = "fatture@pec.example.it" };
        Assert.Empty(FiscalValidator.Validate(data));
    }
}
