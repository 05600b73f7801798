using Microsoft.Extensions.Localization;

namespace Boards.Portal;

public static class LocalizerExtensions
{
    /// <summary>
    /// A code's localized name ("Sector.local_government"); the fallback (a service's own label), or else the code
    /// itself, when there is none: a code added to a service before the portal learns it still shows.
    /// </summary>
    public static string Coded(this IStringLocalizer localizer, string prefix, string code, string? fallback = null)
    {
        var text = localizer[$"{prefix}.{code}"];
        return text.ResourceNotFound ? fallback ?? code : text.Value;
    }
}
