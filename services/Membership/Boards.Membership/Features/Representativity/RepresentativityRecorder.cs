using System.Text.Json;
using Boards.BuildingBlocks.Outbox;
using Boards.Membership.Contracts.Events;
using Boards.Membership.Contracts.Representativity;
using Boards.Membership.Data;
using Boards.Membership.Domain.Representativity;
using Boards.Membership.Domain.Sessions;

namespace Boards.Membership.Features.Representativity;

/// <summary>
/// Recomputes a board's roster assessment with the current policy and its municipality's context, stores it and
/// writes RepresentativityAssessed to the outbox. It only adds to the DbContext: the caller's SaveChanges commits the
/// change, the assessment and the event together.
/// </summary>
public sealed class RepresentativityRecorder(MembershipDbContext db, TimeProvider clock)
{
    private RepresentativityPolicy? _policy;

    /// <summary>The newest published version; version 1 (the calculator's defaults) until one is stored.</summary>
    public async Task<RepresentativityPolicy> CurrentPolicyAsync(CancellationToken ct)
    {
        if (_policy is not null)
        {
            return _policy;
        }

        var latest = await db.RepresentativityPolicies.AsNoTracking().OrderByDescending(p => p.Version).FirstOrDefaultAsync(ct);
        return _policy = latest?.ToPolicy() ?? RepresentativityPolicy.Default;
    }

    /// <summary>Use this policy for the assessments of this unit of work (a version being published).</summary>
    public void UsePolicy(RepresentativityPolicy policy) => _policy = policy;

    public static MunicipalityContext ContextOf(Domain.Municipality? municipality) =>
        new(municipality?.RuralLocalities ?? 0, municipality?.HasIndigenousCommunities ?? false);

    /// <summary>The roster assessment: every active voting member counts once.</summary>
    public async Task<StoredAssessment> RecordAsync(Board board, CancellationToken ct)
    {
        var policy = await CurrentPolicyAsync(ct);
        var context = await ContextOfAsync(board, ct);
        return Store(board, context, RepresentativityCalculator.AssessRoster(board.Members.Select(RepresentativityMember.From), context, policy));
    }

    /// <summary>
    /// The attendance-weighted assessment over the last N sessions (policy AttendanceWindowSessions), measured against
    /// the current roster of active voting members. Published with basis "attendance": consumers keep it apart from
    /// the roster score, so a board whose civil society stopped attending shows both numbers.
    /// </summary>
    public async Task<StoredAssessment> RecordAttendanceAsync(Board board, IEnumerable<SessionAttendance> sessions, CancellationToken ct)
    {
        var policy = await CurrentPolicyAsync(ct);
        var context = await ContextOfAsync(board, ct);
        return Store(board, context,
            RepresentativityCalculator.AssessAttendance(board.Members.Select(RepresentativityMember.From), sessions, context, policy));
    }

    /// <summary>
    /// The attendance-weighted assessment after <paramref name="current"/> was recorded or its attendance corrected: the
    /// window is the board's latest sessions, this one included whether it is saved yet or not.
    /// </summary>
    public async Task<StoredAssessment> RecordAttendanceAsync(Board board, Session current, CancellationToken ct)
    {
        var policy = await CurrentPolicyAsync(ct);
        var others = await db.Sessions.AsNoTracking()
            .Where(s => s.BoardId == board.Id && s.Id != current.Id)
            .OrderByDescending(s => s.Date).ThenByDescending(s => s.Id)
            .Take(policy.AttendanceWindowSessions)
            .Select(s => new { s.Date, s.Attendees })
            .ToListAsync(ct);
        var sessions = others.Select(s => new SessionAttendance(s.Date, s.Attendees.ToHashSet()))
            .Append(new SessionAttendance(current.Date, current.Attendees.ToHashSet()))
            .ToList();
        return await RecordAttendanceAsync(board, sessions, ct);
    }

    private async Task<MunicipalityContext> ContextOfAsync(Board board, CancellationToken ct) =>
        ContextOf(await db.Municipalities.FindAsync([board.MunicipalityCode], ct));

    private StoredAssessment Store(Board board, MunicipalityContext context, RepresentativityAssessment assessment)
    {
        var now = clock.GetUtcNow();
        var stored = new StoredAssessment
        {
            Id = Guid.CreateVersion7(now),
            BoardId = board.Id,
            MunicipalityCode = board.MunicipalityCode,
            BoardVersion = board.Version,
            PolicyVersion = assessment.PolicyVersion,
            Basis = assessment.Basis,
            Score = assessment.Score,
            RuralLocalities = context.RuralLocalities,
            HasIndigenousCommunities = context.HasIndigenousCommunities,
            AssessmentJson = JsonSerializer.Serialize(assessment, RepresentativityJson.Options),
            AssessedAt = now,
        };
        db.Assessments.Add(stored);
        db.AddToOutbox(ToEvent(stored, assessment), clock);
        return stored;
    }

    public static RepresentativityAssessed ToEvent(StoredAssessment stored, RepresentativityAssessment assessment) => new()
    {
        AssessmentId = stored.Id,
        BoardId = stored.BoardId,
        MunicipalityCode = stored.MunicipalityCode,
        BoardVersion = stored.BoardVersion,
        Basis = assessment.Basis.ToString().ToLowerInvariant(),
        PolicyVersion = assessment.PolicyVersion,
        Score = assessment.Score,
        ActiveVotingMembers = assessment.Tally.ActiveVotingMembers,
        Components = assessment.Components.Select(c => new RepresentativityComponentValue
        {
            Name = c.Name,
            Label = c.Label,
            Applicable = c.Applicable,
            Value = c.Value,
            SubScore = c.SubScore,
            PolicyWeight = c.PolicyWeight,
            Weight = c.Weight,
            Contribution = c.Contribution,
        }).ToList(),
        Flags = assessment.Flags.Select(f => f.ToString()).ToList(),
        Gaps = assessment.Gaps.ToList(),
        AssessedAt = stored.AssessedAt,
    };

    /// <summary>Assesses every board (a new policy version) or only those without any assessment yet (startup).</summary>
    public async Task<int> RecordAllAsync(bool onlyUnassessed, CancellationToken ct)
    {
        var query = db.Boards.Include(b => b.Members).AsSplitQuery();
        var boards = onlyUnassessed
            ? await query.Where(b => !db.Assessments.Any(a => a.BoardId == b.Id && a.Basis == AssessmentBasis.Roster)).ToListAsync(ct)
            : await query.ToListAsync(ct);
        foreach (var board in boards)
        {
            await RecordAsync(board, ct);
        }

        return boards.Count;
    }
}
