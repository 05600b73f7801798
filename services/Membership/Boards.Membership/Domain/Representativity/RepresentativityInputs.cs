namespace Boards.Membership.Domain.Representativity;

/// <summary>
/// What the calculator needs to know about one membership. It reuses the board's own taxonomy
/// (<see cref="Sector"/>, <see cref="Gender"/>, <see cref="AgeBand"/>, <see cref="Territory"/>), so there is one sector
/// list in the service. Only active voting members enter the formulas (DOMAIN.md).
/// </summary>
public sealed record RepresentativityMember(
    Guid MemberId,
    Sector Sector,
    Gender Gender,
    AgeBand AgeBand,
    Territory Territory,
    bool Indigenous,
    bool Disability,
    bool Voting,
    bool Active)
{
    /// <summary>Youth is the 15–29 band.</summary>
    public bool IsYouth => AgeBand == AgeBand.Youth;

    public bool Counts => Active && Voting;

    public static RepresentativityMember From(Member member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new(member.Id, member.Sector, member.Gender, member.AgeBand, member.Territory, member.Indigenous,
            member.Disability, member.Voting, member.IsActive);
    }
}

/// <summary>
/// The municipality the board belongs to: how many rural localities it has (the denominator of territorial coverage;
/// 0 makes that component not applicable) and whether indigenous communities live there (which adds the indigenous
/// sector to the required ones and keeps its share in the target composition).
/// </summary>
public sealed record MunicipalityContext(int RuralLocalities, bool HasIndigenousCommunities);

/// <summary>One board session and the members who attended it.</summary>
public sealed record SessionAttendance(DateOnly Date, IReadOnlySet<Guid> Attendees);

/// <summary>Which population the assessment measured.</summary>
public enum AssessmentBasis
{
    /// <summary>Every active voting member on the roster, each counting 1.</summary>
    Roster = 1,

    /// <summary>Active voting members weighted by their attendance to the last N sessions.</summary>
    Attendance,
}

/// <summary>How a member counts in the attendance-weighted assessment.</summary>
public enum AttendanceCounting
{
    /// <summary>Weight = sessions attended / sessions considered (a member at 1 of 4 sessions counts 0.25). Default.</summary>
    AttendanceRate = 1,

    /// <summary>Weight 1 if the member attended at least one of the sessions considered, else 0.</summary>
    AttendedAny,
}
