using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Returns;

/// <summary>How a channel's returns page behaves: who may frame it, the reasons offered, the window and the instructions.</summary>
public class ChannelReturnSettings : IVersioned
{
    /// <summary>The channel's id; one settings row per channel.</summary>
    public Guid ChannelId { get; set; }

    /// <summary>Path segment of the public page, <c>/returns/{slug}</c>; unique, lower-case letters, digits and dashes.</summary>
    public required string Slug { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Origins allowed to show the page in an iframe (for example <c>https://shop.example.it</c>), one a line. They go
    /// into the page's <c>Content-Security-Policy: frame-ancestors</c>.
    /// </summary>
    public string AllowedFrameOrigins { get; set; } = string.Empty;

    /// <summary>Days after the order during which a customer may request a return.</summary>
    public int WindowDays { get; set; } = 30;

    /// <summary>Language used when neither the shop nor the browser names a supported one: <c>it</c> or <c>en</c>.</summary>
    public string DefaultLocale { get; set; } = "it";

    public string InstructionsIt { get; set; } = string.Empty;

    public string InstructionsEn { get; set; } = string.Empty;

    public List<ReturnReason> Reasons { get; set; } = [];

    public long Version { get; set; }

    /// <summary>Returns the allowed frame origins, one per non-empty line.</summary>
    public IReadOnlyList<string> FrameOrigins() =>
        AllowedFrameOrigins.Split(['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public string Instructions(string locale) => locale == "en" ? InstructionsEn : InstructionsIt;
}

/// <summary>A reason the customer may pick, with its labels in Italian and English.</summary>
public class ReturnReason
{
    public required string Code { get; set; }

    public required string LabelIt { get; set; }

    public required string LabelEn { get; set; }

    public string Label(string locale) => locale == "en" ? LabelEn : LabelIt;
}
