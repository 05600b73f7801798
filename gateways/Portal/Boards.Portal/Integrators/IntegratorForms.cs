namespace Boards.Portal.Integrators;

/// <summary>The API areas an integrator may be given, as Membership names them (docs/integrators.md).</summary>
public static class IntegratorScopes
{
    public static readonly string[] All = ["referrals", "monitoring", "offer", "service-days", "plans", "boards"];
}

/// <summary>A client as typed. Empty fields go as null so that Membership names every missing field at once.</summary>
public sealed class RegisterIntegratorForm
{
    public string? Name { get; set; }
    public string? Institution { get; set; }
    // Null when the form posts no box (the binder leaves it so), as well as empty.
    public List<string>? Scopes { get; set; } = [];
    public string? RateLimitPerSecond { get; set; } = "10";

    public object Body() => new
    {
        name = Empty(Name),
        institution = Empty(Institution),
        scopes = (Scopes ?? []).Where(IntegratorScopes.All.Contains).Distinct().ToArray(),
        // Not a number stays null, and Membership's field error says what it wants.
        rateLimitPerSecond = int.TryParse(RateLimitPerSecond, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var limit) ? limit : (int?)null,
    };

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed class RevokeIntegratorForm
{
    public string? Reason { get; set; }
}

/// <summary>The rotate form posts nothing but its antiforgery token.</summary>
public sealed class RotateIntegratorForm
{
    public bool Confirm { get; set; }
}
