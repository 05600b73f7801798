using static Boards.Membership.Tests.Representativity.TestBoards;
using Kind = Boards.Membership.Domain.Representativity.RepresentativityComponentKind;

namespace Boards.Membership.Tests.Representativity;

/// <summary>The same measures over who actually attends the last N sessions.</summary>
public sealed class AttendanceAssessmentTests
{
    private static readonly RepresentativityPolicy Policy = RepresentativityPolicy.Default;
    private static readonly DateOnly Start = new(2026, 8, 3);

    private static List<SessionAttendance> Sessions(int count, IEnumerable<RepresentativityMember> attendees) =>
        Enumerable.Range(0, count)
            .Select(i => new SessionAttendance(Start.AddDays(14 * i), attendees.Select(m => m.MemberId).ToHashSet()))
            .ToList();

    [Fact]
    public void When_civil_society_stops_attending_the_attendance_score_falls_below_the_roster_score()
    {
        var members = OnTarget();
        var attending = members.Where(m => m.Sector != Sector.CivilSocietyOrganization).ToList();
        var sessions = Sessions(4, attending);

        var roster = RepresentativityCalculator.AssessRoster(members, FiveRuralWithIndigenous, Policy);
        var attendance = RepresentativityCalculator.AssessAttendance(members, sessions, FiveRuralWithIndigenous, Policy);

        Assert.Equal(AssessmentBasis.Roster, roster.Basis);
        Assert.Equal(AssessmentBasis.Attendance, attendance.Basis);
        Assert.Equal(4, attendance.SessionsConsidered);
        Assert.Equal(16m, attendance.Tally.Counted);
        Assert.Equal(1m, roster.Component(Kind.RequiredSectors).Value);
        Assert.Equal(0.8m, attendance.Component(Kind.RequiredSectors).Value);
        Assert.Contains("sin organizaciones de la sociedad civil", attendance.Gaps);
        Assert.DoesNotContain("sin organizaciones de la sociedad civil", roster.Gaps);
        Assert.Equal(0m, roster.Component(Kind.Proportionality).Value);
        // s: LG 3/16, NI 5/16, Gov 1/16, CSO 0, Comm 4/16, Ind 2/16, Priv 1/16 against t 0.15, 0.25, 0.05, 0.20, 0.20, 0.10, 0.05:
        // Σ d² = 0.0375² + 0.0625² + 0.0125² + 0.2² + 0.05² + 0.025² + 0.0125² = 0.04875; LSq = √0.024375 = 0.156125
        Assert.Equal(0.1561m, attendance.Component(Kind.Proportionality).Value);
        Assert.True(attendance.Score < roster.Score);
        Assert.Equal(86.8m, roster.Score);
    }

    [Fact]
    public void The_attendance_score_without_civil_society_is_75_6_by_hand()
    {
        // 16 attending: 6 women, 10 men (parity 0.6), 2 youths (0.125 → sub-score 0.625), rural localities unchanged
        // (3 of 5 → 0.6). Sectors 3, 5, 1, 0, 4, 2, 1: Σ p² = 56/256 = 0.21875, B = 0.78125, normalized 0.878906 → 0.8789.
        // H = 0.313870 + 0.363485 + 2 × 0.173287 + 0.346574 + 0.259930 = 1.630433 → J = 1.630433 / 2.197225 = 0.742042.
        // Gallagher 0.1561 → 1 − 0.3122 = 0.6878. Largest 5/16 = 0.3125: capture 1.
        // 20 + 9 + 6.25 + 6 + 8.79 (8.789) + 3.71 + 6.88 (6.878) + 15 = 75.63 → 75.6
        var members = OnTarget();
        var sessions = Sessions(4, members.Where(m => m.Sector != Sector.CivilSocietyOrganization));

        var a = RepresentativityCalculator.AssessAttendance(members, sessions, FiveRuralWithIndigenous, Policy);

        Assert.Equal(0.6m, a.Component(Kind.GenderParity).Value);
        Assert.Equal(0.625m, a.Component(Kind.Youth).SubScore);
        Assert.Equal(0.8789m, a.Component(Kind.SectorDiversity).Value);
        Assert.Equal(0.742m, a.Component(Kind.SectorEvenness).Value);
        Assert.Equal(0.6878m, a.Component(Kind.Proportionality).SubScore);
        Assert.Equal([20m, 9m, 6.25m, 6m, 8.79m, 3.71m, 6.88m, 15m], a.Components.Select(c => c.Contribution));
        Assert.Equal(75.6m, a.Score);
    }

    [Fact]
    public void By_attendance_rate_a_member_at_one_of_four_sessions_counts_a_quarter()
    {
        // Women attend all 4 sessions, men 1 of 4 each: women 2, men 2 × 0.25 = 0.5; parity 0.25, women's share 0.8.
        var women = Many(2, Sector.NationalInstitution, Gender.Female).ToList();
        var men = Many(2, Sector.LocalGovernment, Gender.Male).ToList();
        var sessions = Sessions(4, women);
        sessions[0] = sessions[0] with { Attendees = sessions[0].Attendees.Concat(men.Select(m => m.MemberId)).ToHashSet() };

        var a = RepresentativityCalculator.AssessAttendance(women.Concat(men), sessions, NoRuralNoIndigenous, Policy);

        Assert.Equal(0.25m, a.Component(Kind.GenderParity).Value);
        Assert.Equal("0.8", a.Component(Kind.GenderParity).Input("womenShare"));
        Assert.Equal(2.5m, a.Tally.Counted);
        Assert.Equal("0.2", a.Component(Kind.Capture).Input("localGovernmentShare")); // 0.5 / 2.5
    }

    [Fact]
    public void Counting_any_attendance_makes_one_session_enough()
    {
        var women = Many(2, Sector.NationalInstitution, Gender.Female).ToList();
        var men = Many(2, Sector.LocalGovernment, Gender.Male).ToList();
        var sessions = Sessions(4, women);
        sessions[0] = sessions[0] with { Attendees = sessions[0].Attendees.Concat(men.Select(m => m.MemberId)).ToHashSet() };
        var policy = Policy with { Version = 2, AttendanceCounting = AttendanceCounting.AttendedAny };

        var a = RepresentativityCalculator.AssessAttendance(women.Concat(men), sessions, NoRuralNoIndigenous, policy);

        Assert.Equal(1m, a.Component(Kind.GenderParity).Value);
        Assert.Equal(4m, a.Tally.Counted);
    }

    [Fact]
    public void Only_the_last_n_sessions_count()
    {
        // The civil society member attended only a session older than the last 4.
        var members = new List<RepresentativityMember>
        {
            Member(Sector.LocalGovernment), Member(Sector.CivilSocietyOrganization, Gender.Male),
        };
        var recent = Sessions(4, members.Take(1));
        var old = new SessionAttendance(Start.AddDays(-30), members.Select(m => m.MemberId).ToHashSet());

        var a = RepresentativityCalculator.AssessAttendance(members, recent.Prepend(old), NoRuralNoIndigenous, Policy);
        var wider = RepresentativityCalculator.AssessAttendance(members, recent.Prepend(old), NoRuralNoIndigenous,
            Policy with { AttendanceWindowSessions = 5 });

        Assert.Equal(4, a.SessionsConsidered);
        Assert.Equal(1m, a.Tally.Counted);
        Assert.Contains("sin organizaciones de la sociedad civil", a.Gaps);
        Assert.Equal(5, wider.SessionsConsidered);
        Assert.Equal(1.2m, wider.Tally.Counted); // 1 + 1/5
        Assert.DoesNotContain("sin organizaciones de la sociedad civil", wider.Gaps);
    }

    [Fact]
    public void Attendees_who_are_not_active_voting_members_are_ignored()
    {
        var voting = Member(Sector.LocalGovernment);
        var guest = Member(Sector.NationalInstitution, voting: false);
        var ceased = Member(Sector.CivilSocietyOrganization, active: false);

        var a = RepresentativityCalculator.AssessAttendance([voting, guest, ceased], Sessions(2, [voting, guest, ceased]),
            NoRuralNoIndigenous, Policy);

        Assert.Equal(1, a.Tally.ActiveVotingMembers);
        Assert.Equal(1m, a.Tally.Counted);
        Assert.Equal(1m, a.Component(Kind.Capture).Value);
    }

    [Fact]
    public void Without_sessions_the_attendance_score_is_0_and_says_why()
    {
        var a = RepresentativityCalculator.AssessAttendance(OnTarget(), [], FiveRuralWithIndigenous, Policy);

        Assert.Equal(0m, a.Score);
        Assert.True(a.Has(RepresentativityFlag.NoSessions));
        Assert.True(a.Has(RepresentativityFlag.EmptyBoard));
        Assert.Equal(["sin sesiones registradas: no se puede medir la representatividad por asistencia"], a.Gaps);
    }

    [Fact]
    public void When_no_voting_member_attended_the_attendance_score_is_0()
    {
        var guest = Member(Sector.NationalInstitution, voting: false);

        var a = RepresentativityCalculator.AssessAttendance(OnTarget().Append(guest), Sessions(3, [guest]), FiveRuralWithIndigenous, Policy);

        Assert.Equal(0m, a.Score);
        Assert.Equal(["ningún miembro activo con voto asistió a las últimas 3 sesiones"], a.Gaps);
    }
}
