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

/// <summary>
/// A membership. <see cref="Indigenous"/>, <see cref="Disability"/> and <see cref="Account"/> are sensitive: null, with
/// <see cref="SensitiveDataHidden"/> true, for a reader outside the ministry and the board's municipality
/// (<see cref="MemberDisclosure"/>). A null account with <see cref="SensitiveDataHidden"/> false means no account.
/// </summary>
public sealed record MemberView(
    Guid Id,
    string PersonName,
    string Organization,
    Sector Sector,
    Gender Gender,
    AgeBand AgeBand,
    TerritoryView Territory,
    bool? Indigenous,
    bool? Disability,
    Position Position,
    bool Voting,
    DateOnly DesignatedOn,
    DateOnly? CeasedOn,
    string? CeaseReason,
    bool Active,
    string? Account,
    DateTimeOffset? CorrectedAt,
    string? CorrectedBy,
    bool SensitiveDataHidden)
{
    public static MemberView From(Member m, bool seesSensitiveData) => new(
        m.Id, m.PersonName, m.Organization, m.Sector, m.Gender, m.AgeBand, new TerritoryView(m.Territory.Area, m.Territory.Locality),
        seesSensitiveData ? m.Indigenous : null, seesSensitiveData ? m.Disability : null, m.Position, m.Voting, m.DesignatedOn,
        m.CeasedOn, m.CeaseReason, m.IsActive, seesSensitiveData ? m.Account : null, m.CorrectedAt, m.CorrectedBy, !seesSensitiveData);
}

/// <summary>
/// One focal point term. <see cref="Account"/> is sensitive, and so is <see cref="AccessDetail"/>, which can name an
/// account: both null, with <see cref="SensitiveDataHidden"/> true, for a reader outside the ministry and the board's
/// municipality (<see cref="MemberDisclosure"/>).
/// </summary>
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
    DateTimeOffset? AccessUpdatedAt,
    bool SensitiveDataHidden)
{
    public static FocalPointTermView From(FocalPointTerm term, Board board, bool seesSensitiveData)
    {
        var member = board.FindMember(term.MemberId);
        return new FocalPointTermView(term.Id, term.MemberId, member?.PersonName ?? "", member?.Organization ?? "",
            term.StartsOn, term.EndsOn, term.IsCurrent, term.AppointedAt, term.AppointedBy,
            seesSensitiveData ? member?.Account : null, term.Access, seesSensitiveData ? term.AccessDetail : null, term.AccessUpdatedAt,
            !seesSensitiveData);
    }
}
