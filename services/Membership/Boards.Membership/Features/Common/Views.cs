using Boards.Membership.Domain;

namespace Boards.Membership.Features.Common;

/// <summary>A board as the portal reads it (REST JSON, camelCase, enum codes in snake_case).</summary>
public sealed record BoardView(
    Guid Id,
    string MunicipalityCode,
    string ResolutionNumber,
    DateOnly ResolutionDate,
    string ChairName,
    ChairRole ChairRole,
    BoardStatus Status,
    int ActiveMembers,
    int VotingMembers,
    FocalPointView? FocalPoint,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static BoardView From(Board board)
    {
        var current = board.CurrentFocalPointTerm;
        var focal = current is null ? null : board.FindMember(current.MemberId);
        return new BoardView(
            board.Id, board.MunicipalityCode, board.CreatingAct.ResolutionNumber, board.CreatingAct.ResolutionDate,
            board.Chair.Name, board.Chair.Role, board.Status,
            board.ActiveMembers.Count(), board.ActiveMembers.Count(m => m.Voting),
            current is null ? null : new FocalPointView(current.MemberId, focal?.PersonName ?? "", focal?.Organization ?? "", current.StartsOn),
            board.Version, board.CreatedAt, board.UpdatedAt);
    }
}

public sealed record FocalPointView(Guid MemberId, string PersonName, string Organization, DateOnly StartsOn);

public sealed record TerritoryView(Area Area, string Locality);

public sealed record MemberView(
    Guid Id,
    string PersonName,
    string Organization,
    Sector Sector,
    Gender Gender,
    AgeBand AgeBand,
    TerritoryView Territory,
    bool Indigenous,
    bool Disability,
    Position Position,
    bool Voting,
    DateOnly DesignatedOn,
    DateOnly? CeasedOn,
    string? CeaseReason,
    bool Active,
    string? Account,
    DateTimeOffset? CorrectedAt,
    string? CorrectedBy)
{
    public static MemberView From(Member m) => new(
        m.Id, m.PersonName, m.Organization, m.Sector, m.Gender, m.AgeBand, new TerritoryView(m.Territory.Area, m.Territory.Locality),
        m.Indigenous, m.Disability, m.Position, m.Voting, m.DesignatedOn, m.CeasedOn, m.CeaseReason, m.IsActive,
        m.Account, m.CorrectedAt, m.CorrectedBy);
}

public sealed record FocalPointTermView(
    Guid Id,
    Guid MemberId,
    string PersonName,
    string Organization,
    DateOnly StartsOn,
    DateOnly? EndsOn,
    bool Current,
    DateTimeOffset AppointedAt,
    string AppointedBy,
    string? Account,
    FocalPointAccess Access,
    string? AccessDetail,
    DateTimeOffset? AccessUpdatedAt)
{
    public static FocalPointTermView From(FocalPointTerm term, Board board)
    {
        var member = board.FindMember(term.MemberId);
        return new FocalPointTermView(term.Id, term.MemberId, member?.PersonName ?? "", member?.Organization ?? "",
            term.StartsOn, term.EndsOn, term.IsCurrent, term.AppointedAt, term.AppointedBy,
            member?.Account, term.Access, term.AccessDetail, term.AccessUpdatedAt);
    }
}
