using SkiaSharp;

namespace Sintra.Hub.Infrastructure.Assets;

/// <summary>An encoded thumbnail and the dimensions of the image it was made from.</summary>
public sealed record Thumbnail(byte[] Content, string ContentType, string Extension, int SourceWidth, int SourceHeight);

/// <summary>Decodes raster images with SkiaSharp and writes WebP thumbnails, which keep transparency.</summary>
public sealed class AssetThumbnailer
{
    private const int Quality = 80;

    /// <summary>
    /// Creates a thumbnail whose longest side is at most <paramref name="maxSide"/> pixels, never enlarging the
    /// image. Returns null when the file cannot be decoded as an image.
    /// </summary>
    public Thumbnail? Create(string imageFile, int maxSide)
    {
        using var codec = SKCodec.Create(imageFile);
        if (codec is null)
        {
            return null;
        }

        using var decoded = SKBitmap.Decode(codec);
        if (decoded is null)
        {
            return null;
        }

        // NOTE: EXIF orientation is not applied, so a portrait photo that relies on it gets a sideways thumbnail.
        var width = decoded.Width;
        var height = decoded.Height;
        var scale = Math.Min(1.0, (double)maxSide / Math.Max(width, height));
        var info = new SKImageInfo(
            Math.Max(1, (int)Math.Round(width * scale)),
            Math.Max(1, (int)Math.Round(height * scale)),
            SKColorType.Rgba8888,
            SKAlphaType.Premul);
        using var resized = decoded.Resize(info, new SKSamplingOptions(SKCubicResampler.Mitchell));
        if (resized is null)
        {
            return null;
        }

        using var image = SKImage.FromBitmap(resized);
        using var data = image.Encode(SKEncodedImageFormat.Webp, Quality);
        return data is null ? null : new Thumbnail(data.ToArray(), "image/webp", "webp", width, height);
    }
}
