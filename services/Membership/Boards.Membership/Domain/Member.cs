namespace Boards.Membership.Domain;

/// <summary>Urban or rural, and the locality (compañía, barrio, community) the member comes from.</summary>
public sealed record Territory(Area Area, string Locality);

/// <summary>
/// A membership: one person sitting on one board for one institution or organization, from DesignatedOn until
/// CeasedOn. Never deleted: ending it sets CeasedOn and the row stays as history.
/// </summary>
public sealed class Member
{
    private Member()
    {
    }

    public Guid Id { get; private init; }
    public Guid BoardId { get; private init; }
    public string PersonName { get; private set; } = "";
    public string Organization { get; private set; } = "";
    public Sector Sector { get; private set; }
    public Gender Gender { get; private set; }
    public AgeBand AgeBand { get; private set; }
    public Territory Territory { get; private set; } = new(Area.Urban, "");
    public bool Indigenous { get; private set; }
    public bool Disability { get; private set; }
    public Position Position { get; internal set; }
    public bool Voting { get; private set; }
    public DateOnly DesignatedOn { get; private set; }
    public DateOnly? CeasedOn { get; private set; }
    public string? CeaseReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public string CreatedBy { get; private init; } = "";
    public DateTimeOffset? CorrectedAt { get; private set; }
    public string? CorrectedBy { get; private set; }

    /// <summary>
    /// The person's user name in the identity provider (Keycloak), when they have one. Appointing them focal point
    /// grants that account the focal-point scope of the board's municipality.
    /// </summary>
    public string? Account { get; private set; }

    public bool IsActive => CeasedOn is null;

    internal static Member Create(Guid boardId, NewMember input, string actor, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        BoardId = boardId,
        PersonName = input.PersonName,
        Organization = input.Organization,
        Sector = input.Sector,
        Gender = input.Gender,
        AgeBand = input.AgeBand,
        Territory = input.Territory,
        Indigenous = input.Indigenous,
        Disability = input.Disability,
        Position = input.Position,
        Voting = input.Voting,
        DesignatedOn = input.DesignatedOn,
        Account = input.Account,
        CreatedAt = now,
        CreatedBy = actor,
    };

    internal void LinkAccount(string account) => Account = account;

    /// <summary>Fixes what was recorded wrongly (a name, a sector, a date); the membership keeps its identity and history.</summary>
    internal void Correct(NewMember input, string actor, DateTimeOffset now)
    {
        PersonName = input.PersonName;
        Organization = input.Organization;
        Sector = input.Sector;
        Gender = input.Gender;
        AgeBand = input.AgeBand;
        Territory = input.Territory;
        Indigenous = input.Indigenous;
        Disability = input.Disability;
        Position = input.Position;
        Voting = input.Voting;
        DesignatedOn = input.DesignatedOn;
        Account = input.Account;
        CorrectedAt = now;
        CorrectedBy = actor;
    }

    internal void Cease(DateOnly ceasedOn, string? reason)
    {
        CeasedOn = ceasedOn;
        CeaseReason = reason;
    }
}

/// <summary>A validated request to add a member (the handler has checked formats; the board checks its rules).</summary>
public sealed record NewMember(
    string PersonName,
    string Organization,
    Sector Sector,
    Gender Gender,
    AgeBand AgeBand,
    Territory Territory,
    bool Indigenous,
    bool Disability,
    Position Position,
    bool Voting,
    DateOnly DesignatedOn,
    string? Account = null);

/// <summary>One focal point term: who (a membership of the board), from when, until when. Append-only history.</summary>
public sealed class FocalPointTerm
{
    private FocalPointTerm()
    {
    }

    public Guid Id { get; private init; }
    public Guid BoardId { get; private init; }
    public Guid MemberId { get; private init; }
    public DateOnly StartsOn { get; private init; }
    public DateOnly? EndsOn { get; private set; }
    public DateTimeOffset AppointedAt { get; private init; }
    public string AppointedBy { get; private init; } = "";

    /// <summary>Where the grant (this term) or the revocation (once it ended) of the focal-point scope stands.</summary>
    public FocalPointAccess Access { get; private set; } = FocalPointAccess.Pending;

    /// <summary>Why, in Spanish, when the access could not be granted or revoked.</summary>
    public string? AccessDetail { get; private set; }

    public DateTimeOffset? AccessUpdatedAt { get; private set; }

    public bool IsCurrent => EndsOn is null;

    internal static FocalPointTerm Start(Guid boardId, Guid memberId, DateOnly startsOn, string actor, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        BoardId = boardId,
        MemberId = memberId,
        StartsOn = startsOn,
        AppointedAt = now,
        AppointedBy = actor,
    };

    internal void End(DateOnly endsOn) => EndsOn = endsOn;

    public void RecordAccess(FocalPointAccess access, string? detail, DateTimeOffset now)
    {
        Access = access;
        AccessDetail = detail;
        AccessUpdatedAt = now;
    }
}
