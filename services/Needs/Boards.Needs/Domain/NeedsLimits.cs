namespace Boards.Needs.Domain;

/// <summary>
/// The longest text, the most elements and the range of each field of a Needs request: the REST attributes, the proto
/// annotations, the validators and the database columns use these numbers (docs/needs.md lists them).
/// </summary>
public static class NeedsLimits
{
    /// <summary>Municipality, service, institution and category codes.</summary>
    public const int Code = 64;
    /// <summary>The code of a value of a closed list (channel, capacity status, waitlist band, population group, evidence source).</summary>
    public const int Choice = 40;
    /// <summary>A round's period: "2026", "2026-S2", "2026-T3" or "2026-07".</summary>
    public const int Period = 16;
    /// <summary>Names and titles: a service, its program, a category, a round, a locality, a member voting.</summary>
    public const int Name = 200;
    public const int EligibilitySummary = 2000;
    public const int EvidenceNotes = 2000;
    /// <summary>Need categories one service covers.</summary>
    public const int ServiceCategories = 50;
    /// <summary>Needs one ballot ranks (a round holds as many as its imports bring, 2,000 rows each).</summary>
    public const int Ranking = 2000;
    public const int MaxMonthlyCapacity = 1_000_000;
    public const int MaxPeopleAffected = 10_000_000;
}
