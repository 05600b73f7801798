namespace Boards.Portal.Board;

/// <summary>The codes the member form chooses from, as Membership accepts them (docs/membership.md).</summary>
public static class MemberCodes
{
    public static readonly string[] Sectors =
    [
        "local_government", "national_institution", "governorate", "civil_society_organization", "community_organization",
        "indigenous_community", "private_sector", "academia", "other",
    ];

    public static readonly string[] Genders = ["female", "male", "other"];

    public static readonly string[] AgeBands = ["youth", "adult", "senior"];

    public static readonly string[] Areas = ["urban", "rural"];

    /// <summary>The positions a form may give; the focal point's comes only from an appointment.</summary>
    public static readonly string[] Positions = ["member", "chair", "secretary"];

    public static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>
/// A membership as typed: a new member, or the whole of a membership being corrected (PUT replaces it, so the form
/// starts from everything Membership has). Empty choices go as null so that Membership names every missing field at once.
/// </summary>
public sealed class MemberForm
{
    public string? MemberId { get; set; }
    public string? PersonName { get; set; }
    public string? Organization { get; set; }
    public string? Sector { get; set; }
    public string? Gender { get; set; }
    public string? AgeBand { get; set; }
    public string? Area { get; set; }
    public string? Locality { get; set; }
    public string? DesignatedOn { get; set; }
    public string? Position { get; set; }
    public string? Account { get; set; }
    public bool Indigenous { get; set; }
    public bool Disability { get; set; }
    public bool NotVoting { get; set; }
    public long Version { get; set; }

    public static MemberForm From(MemberView member) => new()
    {
        MemberId = member.Id.ToString(),
        PersonName = member.PersonName,
        Organization = member.Organization,
        Sector = member.Sector,
        Gender = member.Gender,
        AgeBand = member.AgeBand,
        Area = member.Territory?.Area,
        Locality = member.Territory?.Locality,
        DesignatedOn = member.DesignatedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Position = member.Position,
        Account = member.Account,
        Indigenous = member.Indigenous ?? false,
        Disability = member.Disability ?? false,
        NotVoting = !member.Voting,
    };

    public object Body() => new
    {
        personName = MemberCodes.Empty(PersonName),
        organization = MemberCodes.Empty(Organization),
        sector = MemberCodes.Empty(Sector),
        gender = MemberCodes.Empty(Gender),
        ageBand = MemberCodes.Empty(AgeBand),
        territory = new { area = MemberCodes.Empty(Area), locality = MemberCodes.Empty(Locality) },
        indigenous = Indigenous,
        disability = Disability,
        position = MemberCodes.Empty(Position),
        voting = !NotVoting,
        designatedOn = MemberCodes.Empty(DesignatedOn),
        account = MemberCodes.Empty(Account),
        expectedVersion = Version,
    };
}

/// <summary>The focal point's appointment: which active member, from when, and optionally their user name.</summary>
public sealed class AppointFocalPointForm
{
    public string? MemberId { get; set; }
    public string? StartsOn { get; set; }
    public string? Account { get; set; }
    public long Version { get; set; }

    public object Body() => new
    {
        memberId = MemberCodes.Empty(MemberId),
        startsOn = MemberCodes.Empty(StartsOn),
        account = MemberCodes.Empty(Account),
        expectedVersion = Version,
    };
}

/// <summary>The end of a membership: which member, from when and why. The row stays in the roster's history.</summary>
public sealed class EndMemberForm
{
    public string? MemberId { get; set; }
    public string? CeasedOn { get; set; }
    public string? Reason { get; set; }
    public long Version { get; set; }

    public object Body() => new { ceasedOn = MemberCodes.Empty(CeasedOn), reason = MemberCodes.Empty(Reason), expectedVersion = Version };
}

/// <summary>The creating act and the chair as typed, starting from what the board says now.</summary>
public sealed class BoardActForm
{
    public string? ResolutionNumber { get; set; }
    public string? ResolutionDate { get; set; }
    public string? ChairName { get; set; }
    public string? ChairRole { get; set; }
    public long Version { get; set; }

    public static BoardActForm From(BoardView board) => new()
    {
        ResolutionNumber = board.ResolutionNumber,
        ResolutionDate = board.ResolutionDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ChairName = board.ChairName,
        ChairRole = board.ChairRole,
        Version = board.Version,
    };

    public object Body() => new
    {
        resolutionNumber = MemberCodes.Empty(ResolutionNumber),
        resolutionDate = MemberCodes.Empty(ResolutionDate),
        chairName = MemberCodes.Empty(ChairName),
        chairRole = MemberCodes.Empty(ChairRole),
        expectedVersion = Version,
    };
}
