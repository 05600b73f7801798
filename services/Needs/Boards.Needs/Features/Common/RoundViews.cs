namespace Boards.Needs.Features.Common;

public sealed record NeedView(
    Guid Id, int Number, string Category, string Locality, string PopulationGroup, int PeopleAffected, int Severity,
    string EvidenceSource, string? EvidenceNotes, DateTimeOffset RecordedAt, string RecordedBy, DateTimeOffset? CorrectedAt, string? CorrectedBy)
{
    public static NeedView From(Need n) => new(
        n.Id, n.Number, n.Category, n.Locality, n.PopulationGroup.Code(), n.PeopleAffected, n.Severity, n.EvidenceSource.Code(),
        n.EvidenceNotes, n.RecordedAt, n.RecordedBy, n.CorrectedAt, n.CorrectedBy);
}

public sealed record BallotView(Guid MemberId, string MemberName, IReadOnlyList<Guid> Ranking, DateTimeOffset CastAt, string CastBy)
{
    public static BallotView From(NeedBallot b) => new(b.MemberId, b.MemberName, b.Ranking, b.CastAt, b.CastBy);
}

public sealed record RoundSummaryView(
    Guid Id, string MunicipalityCode, string Period, string? Title, string Status, int Version, int NeedCount, int BallotCount,
    DateTimeOffset OpenedAt, string OpenedBy, DateTimeOffset? ClosedAt, string? ClosedBy);

public sealed record RoundView(
    Guid Id, string MunicipalityCode, string Period, string? Title, string Status, int Version,
    DateTimeOffset OpenedAt, string OpenedBy, DateTimeOffset? ClosedAt, string? ClosedBy,
    IReadOnlyList<NeedView> Needs, IReadOnlyList<BallotView> Ballots, RankingView Ranking)
{
    public static RoundView From(AssessmentRound r) => new(
        r.Id, r.MunicipalityCode, r.Period, r.Title, r.Status.Code(), r.Version, r.OpenedAt, r.OpenedBy, r.ClosedAt, r.ClosedBy,
        r.Needs.OrderBy(n => n.Number).Select(NeedView.From).ToList(),
        r.Ballots.OrderBy(b => b.MemberName, StringComparer.CurrentCulture).Select(BallotView.From).ToList(),
        RoundRanking.Of(r));
}
