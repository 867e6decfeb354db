using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Catalog.Editing;

namespace Sintra.Hub.Tests.Pim;

public sealed class GtinTests
{
    [Theory]
    [InlineData("96385074", GtinProblem.None, 4)]
    [InlineData("036000291452", GtinProblem.None, 2)]
    [InlineData("4006381333931", GtinProblem.None, 1)]
    [InlineData("8001234200015", GtinProblem.None, 5)]
    [InlineData("10614141000415", GtinProblem.None, 5)]
    [InlineData("96385075", GtinProblem.WrongCheckDigit, 4)]
    [InlineData("036000291453", GtinProblem.WrongCheckDigit, 2)]
    [InlineData("4006381333932", GtinProblem.WrongCheckDigit, 1)]
    [InlineData("10614141000416", GtinProblem.WrongCheckDigit, 5)]
    [InlineData("400638133393", GtinProblem.WrongCheckDigit, 0)]
    [InlineData("1234567", GtinProblem.WrongLength, null)]
    [InlineData("40063813339311", GtinProblem.WrongCheckDigit, 4)]
    [InlineData("400638133393111", GtinProblem.WrongLength, null)]
    [InlineData("4006381A33931", GtinProblem.NotDigits, null)]
    public void CheckReportsProblemAndDigit(string barcode, GtinProblem problem, int? expectedDigit)
    {
        var result = Gtin.Check(barcode);

        Assert.Equal(problem, result.Problem);
        Assert.Equal(expectedDigit, result.ExpectedCheckDigit);
    }

    [Fact]
    public void MessageNamesBarcodeAndExpectedDigit()
    {
        var message = Gtin.Validate("4006381333932");

        Assert.NotNull(message);
        Assert.Contains("'4006381333932'", message);
        Assert.Contains("expected check digit is 1", message);
    }

    [Fact]
    public void ValidBarcodeHasNoMessage() => Assert.Null(Gtin.Validate("4006381333931"));

    [Fact]
    public void EditorAcceptsMerchantCodes()
    {
        Assert.Null(ProductEditor.BarcodeError("INT-0042"));
        Assert.Equal("BarcodeLength", ProductEditor.BarcodeError("123456789")?.Code);
        var error = ProductEditor.BarcodeError("8001234200016");
        Assert.Equal("BarcodeCheckDigit", error?.Code);
        Assert.Equal(["8001234200016", 5], error!.Arguments);
    }
}
