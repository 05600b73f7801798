using System.Globalization;
using System.Text.RegularExpressions;

namespace Boards.Portal.OpenData;

/// <summary>
/// Where a person's browser finds the open data: <c>Portal:OpenDataUrl</c>, the gateway as the public reaches it (in a
/// cluster, the API host of the ingress), by default <c>Portal:GatewayUrl</c>, which is that address in local runs.
/// Links are built only from codes and months of the expected shape, so nothing typed can steer them elsewhere.
/// </summary>
public sealed partial class OpenDataLinks(IConfiguration configuration, PortalOptions options)
{
    public const string LicenseDeed = "https://creativecommons.org/licenses/by/4.0/deed.es";

    private readonly string _base = (configuration["Portal:OpenDataUrl"] is { Length: > 0 } url ? url : options.GatewayUrl.ToString()).TrimEnd('/')
        + "/open/v1/";

    public string Catalog => _base;

    public string File(string name) => _base + name;

    public string Month(string month, string format) => _base + $"meses/{month}.{format}";

    public string MunicipalityMonth(string code, string month, string format) =>
        _base + $"municipios/{Uri.EscapeDataString(code)}/{month}.{format}";

    public string Pulse(string quarter, string format) => _base + $"pulso/{quarter}.{format}";

    public string MunicipalityPulse(string code, string quarter, string format) =>
        _base + $"municipios/{Uri.EscapeDataString(code)}/pulso/{quarter}.{format}";

    public static bool IsQuarter(string? text) => text is not null && QuarterPattern().IsMatch(text);

    /// <summary>"2026-T1 (enero a marzo)" in Spanish, "2026-T1 (January to March)" in English.</summary>
    public static string QuarterName(string quarter, string format)
    {
        var first = (quarter[6] - '1') * 3 + 1;
        var names = CultureInfo.CurrentUICulture.DateTimeFormat;
        return string.Format(CultureInfo.CurrentUICulture, format, quarter, names.GetMonthName(first), names.GetMonthName(first + 2));
    }

    public static bool IsMonth(string? text) => text is not null && MonthPattern().IsMatch(text);

    public static bool IsCode(string? text) => text is not null && CodePattern().IsMatch(text);

    public static bool IsFormat(string? text) => text is "csv" or "json";

    /// <summary>"marzo de 2026" in Spanish, "March 2026" in English.</summary>
    public static string MonthName(string month, string format) =>
        DateTime.ParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture).ToString(format, CultureInfo.CurrentUICulture);

    [GeneratedRegex("^[0-9]{4}-(0[1-9]|1[0-2])$")]
    private static partial Regex MonthPattern();

    [GeneratedRegex("^[0-9]{4}-T[1-4]$")]
    private static partial Regex QuarterPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex CodePattern();
}
