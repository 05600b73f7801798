using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Boards.Portal.ServiceDays;

/// <summary>
/// What the planner's form posts. The services are checkboxes named <see cref="ServicesField"/> whose values are
/// "institution|service" (read from the raw form, since unchecked boxes send nothing); when the catalog is down they are
/// typed as lines "institution:service" in <see cref="ServicesText"/>.
/// </summary>
public sealed partial class PlanDayForm
{
    public const string ServicesField = "Plan.Services";

    public string? Date { get; set; }
    public string? Venue { get; set; }
    public string? Locality { get; set; }
    public string? ExpectedAttendance { get; set; }
    public string? ServicesText { get; set; }
    public int? Version { get; set; }

    private List<string> _services = [];

    /// <summary>
    /// The chosen services as "institution|service", in the order posted. Never null: when no box is checked the form
    /// posts no such field and the form binder assigns null, which means none chosen.
    /// </summary>
    [AllowNull]
    public List<string> Services
    {
        get => _services;
        set => _services = value ?? [];
    }

    /// <summary>The checked services of a post (unchecked boxes send nothing, so they are read from the raw form).</summary>
    public void ReadServices(HttpContext? http)
    {
        if (http is { Request.HasFormContentType: true } && http.Request.Form.TryGetValue(ServicesField, out var chosen))
        {
            Services = [.. chosen.OfType<string>()];
        }
    }

    /// <summary>A planned day as the edit form starts.</summary>
    public static PlanDayForm From(ServiceDayDetail day) => new()
    {
        Date = day.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Venue = day.Venue,
        Locality = day.Locality,
        ExpectedAttendance = day.ExpectedAttendance.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Services = [.. day.Institutions.SelectMany(p => p.Services.Select(s => Key(p.InstitutionCode, s.Code)))],
        ServicesText = string.Join("\n", day.Institutions.SelectMany(p => p.Services.Select(s => $"{p.InstitutionCode}:{s.Code}"))),
        Version = day.Version,
    };

    public static string Key(string institution, string service) => $"{institution}|{service}";

    /// <summary>The chosen services grouped by institution, in the order first chosen: the body's <c>institutions</c>.</summary>
    public IReadOnlyList<(string Institution, IReadOnlyList<string> Services)> Participations()
    {
        var chosen = Services.Concat(TypedServices()).Select(Split).Where(p => p.Institution.Length > 0 && p.Service.Length > 0).Distinct().ToList();
        return chosen.GroupBy(p => p.Institution)
            .Select(g => (g.Key, (IReadOnlyList<string>)g.Select(p => p.Service).ToList()))
            .ToList();
    }

    /// <summary>The JSON body of POST (and PUT, with <c>expectedVersion</c>) /api/service-days.</summary>
    public object Body(string municipality) => new
    {
        municipalityCode = municipality,
        locality = Trim(Locality),
        date = Trim(Date),
        venue = Trim(Venue),
        expectedAttendance = int.TryParse(ExpectedAttendance?.Trim(), out var expected) ? expected : (int?)null,
        institutions = Participations().Select(p => new { institutionCode = p.Institution, services = p.Services }).ToList(),
        expectedVersion = Version,
    };

    /// <summary>True when the person typed a number that is not one: the API would only see "missing".</summary>
    public bool ExpectedAttendanceNotANumber => !string.IsNullOrWhiteSpace(ExpectedAttendance) && !int.TryParse(ExpectedAttendance.Trim(), out _);

    /// <summary>
    /// The API names a service by its position (<c>institutions[0].services[1]</c>); the page shows the message next to
    /// that service's checkbox, keyed "institution|service". Whatever is not about one service stays under its key.
    /// </summary>
    public (Dictionary<string, string[]> ByService, Dictionary<string, string[]> Other) SplitErrors(IReadOnlyDictionary<string, string[]> errors)
    {
        var participations = Participations();
        var byService = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        var other = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (field, messages) in errors)
        {
            var match = ServiceField().Match(field);
            if (match.Success
                && int.Parse(match.Groups[1].Value) is var i && i < participations.Count
                && int.Parse(match.Groups[2].Value) is var j && j < participations[i].Services.Count)
            {
                byService[Key(participations[i].Institution, participations[i].Services[j])] = messages;
            }
            else if (field.StartsWith("institutions", StringComparison.OrdinalIgnoreCase))
            {
                other["institutions"] = [.. other.GetValueOrDefault("institutions", []), .. messages];
            }
            else
            {
                other[field] = messages;
            }
        }

        return (byService, other);
    }

    private IEnumerable<string> TypedServices() =>
        (ServicesText ?? "").Split(['\n', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Replace(':', '|'));

    private static (string Institution, string Service) Split(string value)
    {
        var parts = value.Split('|', 2, StringSplitOptions.TrimEntries);
        return parts.Length == 2 ? (parts[0].ToLowerInvariant(), parts[1].ToLowerInvariant()) : ("", "");
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^institutions\[(\d+)\]\.services\[(\d+)\]$", RegexOptions.IgnoreCase)]
    private static partial Regex ServiceField();
}
