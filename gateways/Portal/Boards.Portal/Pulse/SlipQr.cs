using QRCoder;

namespace Boards.Portal.Pulse;

/// <summary>The QR code printed on a slip: the answer page's address with the code, as inline SVG (prints sharp).</summary>
public static class SlipQr
{
    public static string Svg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    /// <summary>The public answer page for a code, on this portal's own address.</summary>
    public static string AnswerUrl(HttpRequest request, string code) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}/pulso?codigo={Uri.EscapeDataString(code)}";
}
