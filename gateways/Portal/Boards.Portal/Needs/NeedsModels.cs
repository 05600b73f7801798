namespace Boards.Portal.Needs;

// Needs (GET /api/needs/rounds, /api/needs/rounds/{id}, /api/offer/{code}/services, /api/needs/gap-analysis/{code}).

public sealed record RoundSummaryView(
    Guid Id, string MunicipalityCode, string Period, string? Title, string Status, int Version, int NeedCount, int BallotCount,
    DateTimeOffset OpenedAt, string OpenedBy, DateTimeOffset? ClosedAt, string? ClosedBy);

public sealed record RoundNeedView(
    Guid Id, int Number, string Category, string Locality, string PopulationGroup, int PeopleAffected, int Severity,
    string EvidenceSource, string? EvidenceNotes, DateTimeOffset RecordedAt, string RecordedBy);

public sealed record BallotView(Guid MemberId, string MemberName, IReadOnlyList<Guid> Ranking, DateTimeOffset CastAt, string CastBy);

public sealed record RankingItemView(
    int Rank, Guid NeedId, int Number, string Category, string Locality, string PopulationGroup, int PeopleAffected,
    int Severity, long PeopleTimesSeverity, int Points, string DecidedBy, string Explanation);

/// <summary>Live while the round is open (from the ballots so far), frozen once it is closed.</summary>
public sealed record RankingView(bool Frozen, int BallotsCounted, string Rule, IReadOnlyList<RankingItemView> Items);

public sealed record RoundView(
    Guid Id, string MunicipalityCode, string Period, string? Title, string Status, int Version,
    DateTimeOffset OpenedAt, string OpenedBy, DateTimeOffset? ClosedAt, string? ClosedBy,
    IReadOnlyList<RoundNeedView> Needs, IReadOnlyList<BallotView> Ballots, RankingView Ranking)
{
    public bool IsOpen => Status == "open";
}

public sealed record OfferServiceView(
    string MunicipalityCode, string Code, string Name, string Program, string InstitutionCode, IReadOnlyList<string> Categories,
    string EligibilitySummary, string Channel, int? MonthlyCapacity, string CapacityStatus, string? WaitlistBand, int Version,
    DateTimeOffset UpdatedAt, string UpdatedBy);

public sealed record CategoryGapView(
    string Category, string CategoryName, int PeopleAffected, int Demand, int OfferCapacity, int ServicesOffered, double? CoverageRatio,
    int RejectedNoCapacity, int RejectedNotOffered, int CounterReferredNoCapacity, int UnmetDemand);

public sealed record GapAnalysisView(
    Guid AnalysisId, string MunicipalityCode, string Trigger, Guid? RoundId, string? Period, DateTimeOffset EvidenceSince,
    IReadOnlyList<CategoryGapView> Categories);
