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
    public string PersonName { get; private init; } = "";
    public string Organization { get; private init; } = "";
    public Sector Sector { get; private init; }
    public Gender Gender { get; private init; }
    public AgeBand AgeBand { get; private init; }
    public Territory Territory { get; private init; } = new(Area.Urban, "");
    public bool Indigenous { get; private init; }
    public bool Disability { get; private init; }
    public Position Position { get; internal set; }
    public bool Voting { get; private init; }
    public DateOnly DesignatedOn { get; private init; }
    public DateOnly? CeasedOn { get; private set; }
    public string? CeaseReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public string CreatedBy { get; private init; } = "";

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
        CreatedAt = now,
        CreatedBy = actor,
    };

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
    DateOnly DesignatedOn);

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
}
