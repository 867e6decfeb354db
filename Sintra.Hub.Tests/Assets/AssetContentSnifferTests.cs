using System.Text;
using Sintra.Hub.Core.Assets;

namespace Sintra.Hub.Tests.Assets;

public sealed class AssetContentSnifferTests
{
    public static TheoryData<string, string, string> Cases() => new()
    {
        { "jpeg", "FFD8FFE000104A464946", "image/jpeg" },
        { "png", "89504E470D0A1A0A0000000D49484452", "image/png" },
        { "gif89", Hex("GIF89a") + "0100", "image/gif" },
        { "gif87", Hex("GIF87a") + "0100", "image/gif" },
        { "webp", Hex("RIFF") + "24000000" + Hex("WEBPVP8 "), "image/webp" },
        { "riff wave", Hex("RIFF") + "24000000" + Hex("WAVEfmt "), SniffedType.OctetStream },
        { "pdf", Hex("%PDF-1.4\n"), "application/pdf" },
        { "mp4", "00000018" + Hex("ftypisom") + "00000200", "video/mp4" },
        { "mov brand", "00000014" + Hex("ftypqt  ") + "00000200", "video/quicktime" },
        { "mov classic", "00000008" + Hex("wide") + "00000000" + Hex("mdat"), "video/quicktime" },
        { "svg", Hex("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), "image/svg+xml" },
        { "svg with prolog", Hex("\uFEFF<?xml version=\"1.0\"?>\n<!-- logo -->\n<!DOCTYPE svg>\n<svg>"), "image/svg+xml" },
        { "html", Hex("<!DOCTYPE html><html><svg></svg></html>"), SniffedType.OctetStream },
        { "svg self-closing", Hex("<svg/>"), "image/svg+xml" },
        { "svg-like tag", Hex("<svgx>"), SniffedType.OctetStream },
        { "text", Hex("Hello, this is text"), SniffedType.OctetStream },
        { "empty", string.Empty, SniffedType.OctetStream },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void SniffFindsTypeFromBytes(string name, string hex, string expected)
    {
        var type = AssetContentSniffer.Sniff(Convert.FromHexString(hex));

        Assert.True(expected == type.ContentType, $"{name}: expected {expected}, found {type.ContentType}");
    }

    [Theory]
    [InlineData("Foto prodotto.JPG", "Foto-prodotto.JPG")]
    [InlineData("C:\\Users\\anna\\maglia rossa.png", "maglia-rossa.png")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("perché è così.webp", "perche-e-cosi.webp")]
    [InlineData("...", "file")]
    [InlineData("", "file")]
    public void SafeFileNameKeepsPortableCharacters(string input, string expected)
    {
        Assert.Equal(expected, AssetNames.SafeFileName(input));
    }

    private static string Hex(string text) => Convert.ToHexString(Encoding.UTF8.GetBytes(text));
}
