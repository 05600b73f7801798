using System.Globalization;

namespace Boards.Portal.Needs;

/// <summary>The codes the needs forms choose from, as Needs accepts them (docs/needs.md).</summary>
public static class NeedsCodes
{
    public static readonly string[] PopulationGroups =
        ["children", "adolescents", "elderly", "women_heads_of_household", "indigenous", "persons_with_disability"];

    public static readonly string[] EvidenceSources = ["survey", "board_session", "service_day", "referral_statistics"];

    public static readonly string[] Channels = ["office", "health_unit", "service_day", "home_visit"];

    public static readonly string[] CapacityStatuses = ["available", "waitlist", "full"];

    public static readonly string[] WaitlistBands = ["under_1_month", "one_to_3_months", "over_3_months"];

    /// <summary>A whole number as typed, or null so that Needs names the field ("Indique cuántas personas…").</summary>
    public static int? Number(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed class OpenRoundForm
{
    public string? Period { get; set; }
    public string? Title { get; set; }
}

/// <summary>A need as typed. Numbers stay text so that a bad value reaches Needs, which names the field.</summary>
public sealed class NeedForm
{
    public string? Category { get; set; }
    public string? Locality { get; set; }
    public string? PopulationGroup { get; set; }
    public string? PeopleAffected { get; set; }
    public string? Severity { get; set; }
    public string? EvidenceSource { get; set; }
    public string? EvidenceNotes { get; set; }

    public object Body() => new
    {
        category = NeedsCodes.Empty(Category),
        locality = NeedsCodes.Empty(Locality),
        populationGroup = NeedsCodes.Empty(PopulationGroup),
        peopleAffected = NeedsCodes.Number(PeopleAffected),
        severity = NeedsCodes.Number(Severity),
        evidenceSource = NeedsCodes.Empty(EvidenceSource),
        evidenceNotes = NeedsCodes.Empty(EvidenceNotes),
    };
}

/// <summary>
/// One member's ballot as the focal point records it: for each need (NeedIds[i]) its place (Positions[i], "1".."n"),
/// or empty for "no incluir".
/// </summary>
public sealed class BallotForm
{
    public string? MemberId { get; set; }
    public List<Guid> NeedIds { get; set; } = [];
    public List<string?> Positions { get; set; } = [];

    /// <summary>The place chosen for a need, as posted (to show the form again after an error).</summary>
    public string? PositionOf(Guid needId)
    {
        var i = NeedIds.IndexOf(needId);
        return i >= 0 && i < Positions.Count ? Positions[i] : null;
    }
}

public sealed class CloseRoundForm
{
    public int Version { get; set; }
}

/// <summary>
/// A service's capacity as typed (status, waiting time, monthly places), sent to Needs' PUT …/capacity with the
/// version read; Code says which service's form was sent. The places stay text so that what was typed shows again.
/// </summary>
public sealed class CapacityForm
{
    public string? Code { get; set; }
    public int Version { get; set; }
    public string? Status { get; set; }
    public string? WaitlistBand { get; set; }
    public string? MonthlyCapacity { get; set; }

    /// <summary>Typed but not a whole number: the page names the field without asking Needs.</summary>
    public bool PlacesAreNotANumber => !string.IsNullOrWhiteSpace(MonthlyCapacity) && NeedsCodes.Number(MonthlyCapacity) is null;

    public object Body()
    {
        var status = NeedsCodes.Empty(Status);
        return new
        {
            capacityStatus = status,
            waitlistBand = status == "waitlist" ? NeedsCodes.Empty(WaitlistBand) : null,
            monthlyCapacity = NeedsCodes.Number(MonthlyCapacity),
            expectedVersion = Version,
        };
    }
}

public sealed class ServiceForm
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Program { get; set; }
    public string? InstitutionCode { get; set; }
    /// <summary>Read from the raw form (see the offer page), so the form mapper never sets it (it would set null).</summary>
    public IReadOnlyList<string> Categories { get; private set; } = [];

    public string? EligibilitySummary { get; set; }
    public string? Channel { get; set; }
    public string? MonthlyCapacity { get; set; }
    public string? CapacityStatus { get; set; } = "available";
    public string? WaitlistBand { get; set; }

    /// <summary>The category codes posted: one per checkbox, or comma-separated in the text box.</summary>
    public void ChooseCategories(IEnumerable<string?> posted) =>
        Categories = [.. posted.OfType<string>().SelectMany(c => c.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    public object Body() => new
    {
        code = NeedsCodes.Empty(Code)?.ToLowerInvariant(),
        name = NeedsCodes.Empty(Name),
        program = NeedsCodes.Empty(Program),
        institutionCode = NeedsCodes.Empty(InstitutionCode),
        categories = Categories.Where(c => !string.IsNullOrWhiteSpace(c)).ToArray(),
        eligibilitySummary = NeedsCodes.Empty(EligibilitySummary),
        channel = NeedsCodes.Empty(Channel),
        monthlyCapacity = NeedsCodes.Number(MonthlyCapacity),
        capacityStatus = NeedsCodes.Empty(CapacityStatus),
        waitlistBand = NeedsCodes.Empty(WaitlistBand),
    };
}
