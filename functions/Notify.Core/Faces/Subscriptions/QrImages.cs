using QRCoder;

namespace Notify.Core.Faces.Subscriptions;

public static class QrImages
{
    /// <summary>A PNG QR code of <paramref name="text"/> as a data URL, ready for an <c>img</c> tag.</summary>
    public static string DataUrl(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(8));
    }
}
