using Boards.Monitoring.Domain.OpenData;

namespace Boards.Monitoring.Features.OpenData;

/// <summary>Section <c>Monitoring:OpenData</c> (docs/configuration.md).</summary>
public sealed class OpenDataOptions
{
    public const string Section = "Monitoring:OpenData";

    /// <summary>The smallest count published; from 3 to 50.</summary>
    public int Threshold { get; set; } = DisclosureThreshold.Default;

    /// <summary>How long a browser, crawler or shared cache may keep an answer before asking again (with its ETag).</summary>
    public int MaxAgeSeconds { get; set; } = 300;

    /// <summary>
    /// The public address the catalog's links start with (https://datos.example.gov.py); empty for paths from the root
    /// (/open/v1/…). Never taken from the request: a cached public document must not echo a header someone sent.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";

    public bool IsValid() =>
        Threshold is >= DisclosureThreshold.Minimum and <= DisclosureThreshold.Maximum
        && MaxAgeSeconds is >= 0 and <= 86_400
        && (PublicBaseUrl.Length == 0 || (Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"));
}
