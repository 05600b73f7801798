namespace Boards.Monitoring.Domain;

public static class MunicipalityCodes
{
    /// <summary>Codes are slugs ("alto-vera"): compared trimmed and in lower case, as the token's claim is.</summary>
    public static string Normalize(string? code) => (code ?? "").Trim().ToLowerInvariant();
}
