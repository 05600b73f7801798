using System.Globalization;
using Boards.Membership.Domain.Representativity.Components;
using static Boards.Membership.Domain.Representativity.Components.ComponentInputs;
using static Boards.Membership.Domain.Representativity.Components.Rounding;

namespace Boards.Membership.Domain.Representativity;

/// <summary>
/// Computes the representativity score of a board (DOMAIN.md, "Representativity of a board"). Pure: no I/O, no clock.
/// Each component measures itself (Components/: one class per component); this class chooses who is measured (the
/// roster, or attendance-weighted), weighs the components and adds them up.
/// <para>
/// Rounding happens in one place, in this order, so that the score can be rebuilt from what is shown:
/// each component value is rounded to 4 decimals; its sub-score is computed from that rounded value and rounded to 4
/// decimals; the applied weight is rounded to 4 decimals; contribution = round(weight × sub-score × 100, 2);
/// score = round(Σ contributions, 1). Midpoints round away from zero. Gap thresholds compare the rounded values.
/// </para>
/// </summary>
public static class RepresentativityCalculator
{
    /// <summary>In the order they are reported (<see cref="RepresentativityComponentKind"/>); flags and gaps follow it too.</summary>
    private static readonly IReadOnlyList<ScoreComponent> AllComponents =
    [
        new RequiredSectorsComponent(),
        new GenderParityComponent(),
        new YouthComponent(),
        new TerritorialCoverageComponent(),
        new SectorDiversityComponent(),
        new SectorEvennessComponent(),
        new ProportionalityComponent(),
        new CaptureComponent(),
    ];

    /// <summary>The sector taxonomy; its size is the k of Blau and Shannon (9), whether or not every sector is present.</summary>
    public static IReadOnlyList<Sector> Sectors => SectorTaxonomy.Sectors;

    public static int SectorCategories => SectorTaxonomy.Count;

    /// <summary>The roster assessment: every active voting member counts 1.</summary>
    public static RepresentativityAssessment AssessRoster(
        IEnumerable<RepresentativityMember> members, MunicipalityContext municipality, RepresentativityPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(policy);
        policy.EnsureValid();
        var voting = members.Where(m => m.Counts).ToList();
        return Assess(AssessmentBasis.Roster, voting.Select(m => new WeightedMember(m, 1d)).ToList(), voting.Count, municipality,
            policy, sessionsConsidered: 0);
    }

    /// <summary>
    /// The attendance-weighted assessment over the policy's last N sessions (by date). Each active voting member
    /// weighs their attendance rate (sessions attended / sessions considered) or, with
    /// <see cref="AttendanceCounting.AttendedAny"/>, 1 if they attended any of them. Attendees who are not active
    /// voting members are ignored.
    /// </summary>
    public static RepresentativityAssessment AssessAttendance(
        IEnumerable<RepresentativityMember> members, IEnumerable<SessionAttendance> sessions,
        MunicipalityContext municipality, RepresentativityPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(policy);
        policy.EnsureValid();
        var window = sessions.OrderByDescending(s => s.Date).Take(policy.AttendanceWindowSessions).ToList();
        var voting = members.Where(m => m.Counts).ToList();
        var weighted = new List<WeightedMember>();
        foreach (var member in voting)
        {
            var attended = window.Count(s => s.Attendees.Contains(member.MemberId));
            var weight = policy.AttendanceCounting == AttendanceCounting.AttendedAny
                ? attended > 0 ? 1d : 0d
                : window.Count == 0 ? 0d : (double)attended / window.Count;
            if (weight > 0)
                weighted.Add(new WeightedMember(member, weight));
        }

        return Assess(AssessmentBasis.Attendance, weighted, voting.Count, municipality, policy, window.Count);
    }

    /// <summary>
    /// t_i in taxonomy order. Without indigenous communities in the municipality the indigenous target becomes 0 and
    /// the other targets are divided by (1 − t_indigenous), so they still sum to 1.
    /// </summary>
    public static IReadOnlyList<double> TargetShares(MunicipalityContext municipality, RepresentativityPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        ArgumentNullException.ThrowIfNull(policy);
        return ProportionalityComponent.TargetShares(municipality, policy);
    }

    private static RepresentativityAssessment Assess(
        AssessmentBasis basis, IReadOnlyList<WeightedMember> members, int activeVoting, MunicipalityContext municipality,
        RepresentativityPolicy policy, int sessionsConsidered)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        if (municipality.RuralLocalities < 0)
            throw new ArgumentOutOfRangeException(nameof(municipality), "A municipality cannot have fewer than 0 rural localities.");

        var inputs = new ScoreInputs(members, municipality, policy);
        var tally = new RepresentativityTally(
            activeVoting,
            R4(inputs.Counted),
            R4(inputs.WeightOf(m => m.Gender == Gender.Female)),
            R4(inputs.WeightOf(m => m.Gender == Gender.Male)),
            R4(inputs.WeightOf(m => m.Gender is not Gender.Female and not Gender.Male)),
            R4(inputs.WeightOf(m => m.IsYouth)),
            R4(inputs.WeightOf(m => m.Indigenous)),
            R4(inputs.WeightOf(m => m.Disability)),
            R4(inputs.WeightOf(m => m.Territory.Area == Area.Rural)));

        var findings = new Findings();
        if (inputs.Counted <= 0)
            return Empty(basis, activeVoting, municipality, policy, sessionsConsidered, tally, findings);

        var measures = AllComponents.Select(c => c.Measure(inputs, findings)).ToList();
        return Combine(basis, policy, sessionsConsidered, tally, measures, findings);
    }

    /// <summary>Nobody to measure: every component is 0 and the gap says why.</summary>
    private static RepresentativityAssessment Empty(
        AssessmentBasis basis, int activeVoting, MunicipalityContext municipality, RepresentativityPolicy policy,
        int sessionsConsidered, RepresentativityTally tally, Findings findings)
    {
        findings.Flags.Add(RepresentativityFlag.EmptyBoard);
        if (basis == AssessmentBasis.Roster)
        {
            findings.Gaps.Add("la mesa no tiene miembros activos con voto: no se puede medir su representatividad");
        }
        else if (sessionsConsidered == 0)
        {
            findings.Flags.Add(RepresentativityFlag.NoSessions);
            findings.Gaps.Add("sin sesiones registradas: no se puede medir la representatividad por asistencia");
        }
        else if (activeVoting == 0)
        {
            findings.Gaps.Add("la mesa no tiene miembros activos con voto: no se puede medir su representatividad");
        }
        else
        {
            findings.Gaps.Add(string.Create(CultureInfo.InvariantCulture,
                $"ningún miembro activo con voto asistió a las últimas {sessionsConsidered} sesiones"));
        }

        var inputs = new[] { Input("members", "miembros con voto", 0m) };
        var measures = AllComponents
            .Select(c => new ComponentMeasure(c.Kind, c.Label, c.Formula, c.AppliesWithoutMembers(municipality), 0m, 0m, inputs))
            .ToList();
        return Combine(basis, policy, sessionsConsidered, tally, measures, findings);
    }

    /// <summary>Weighs each component and adds up the contributions into the score.</summary>
    private static RepresentativityAssessment Combine(
        AssessmentBasis basis, RepresentativityPolicy policy, int sessionsConsidered, RepresentativityTally tally,
        IReadOnlyList<ComponentMeasure> measures, Findings findings)
    {
        // Weights of components that do not apply are redistributed over the others in proportion to their weights.
        var applicableWeight = measures.Where(m => m.Applicable).Sum(m => policy.Weights.For(m.Kind));
        var components = measures.Select(m =>
        {
            var policyWeight = policy.Weights.For(m.Kind);
            var weight = m.Applicable && applicableWeight > 0 ? R4(policyWeight / applicableWeight) : 0m;
            var contribution = Math.Round(weight * m.SubScore * 100, 2, MidpointRounding.AwayFromZero);
            return new RepresentativityComponent(m.Kind, m.Label, m.Formula, m.Applicable, m.Value, m.SubScore, policyWeight,
                weight, contribution, m.Inputs);
        }).ToList();

        var score = Math.Round(components.Sum(c => c.Contribution), 1, MidpointRounding.AwayFromZero);
        score = Math.Clamp(score, 0m, 100m);
        return new RepresentativityAssessment(basis, policy.Version, score, sessionsConsidered, tally, components,
            findings.Flags.Distinct().ToList(), findings.Gaps);
    }
}
