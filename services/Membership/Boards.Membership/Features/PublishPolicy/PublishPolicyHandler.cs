using Boards.BuildingBlocks.Api.Limits;
using Boards.Membership.Domain.Representativity;
using Boards.Membership.Features.Representativity;

namespace Boards.Membership.Features.PublishPolicy;

/// <summary>
/// A new policy version. Every field is optional: what is omitted keeps the value of the current version. The version
/// number is assigned by the service (current + 1).
/// </summary>
public sealed record PublishPolicyCommand
{
    public decimal? WomenShareTarget { get; init; }
    public decimal? YouthShareTarget { get; init; }
    public decimal? CaptureLimit { get; init; }
    public decimal? GallagherCeiling { get; init; }
    public decimal? GallagherTolerance { get; init; }
    public decimal? SectorDiversityFloor { get; init; }
    [MaxItems(MembershipLimits.PolicySectors)]
    public List<Sector>? RequiredSectors { get; init; }
    [MaxItems(MembershipLimits.PolicySectors)]
    public List<Sector>? RequiredWhereIndigenousCommunities { get; init; }
    public Dictionary<Sector, decimal>? TargetComposition { get; init; }
    public RepresentativityWeights? Weights { get; init; }
    public int? AttendanceWindowSessions { get; init; }
    public AttendanceCounting? AttendanceCounting { get; init; }
}

/// <summary>
/// Publishes a new policy version (ministry-admin only), refusing an invalid one with the policy's own field errors,
/// and re-assesses every board with it in the same transaction.
/// </summary>
public sealed class PublishPolicyHandler(BoardStore store, RepresentativityRecorder recorder, TimeProvider clock)
{
    public async Task<(PolicyView Policy, int BoardsAssessed)> HandleAsync(PublishPolicyCommand command, Caller caller, CancellationToken ct)
    {
        if (!caller.IsInRole(BoardsRoles.MinistryAdmin))
        {
            throw new ForbiddenException("Solo la administración del ministerio (ministry-admin) publica la política de representatividad.");
        }

        var current = await recorder.CurrentPolicyAsync(ct);
        var next = current with
        {
            Version = current.Version + 1,
            WomenShareTarget = command.WomenShareTarget ?? current.WomenShareTarget,
            YouthShareTarget = command.YouthShareTarget ?? current.YouthShareTarget,
            CaptureLimit = command.CaptureLimit ?? current.CaptureLimit,
            GallagherCeiling = command.GallagherCeiling ?? current.GallagherCeiling,
            GallagherTolerance = command.GallagherTolerance ?? current.GallagherTolerance,
            SectorDiversityFloor = command.SectorDiversityFloor ?? current.SectorDiversityFloor,
            RequiredSectors = command.RequiredSectors ?? current.RequiredSectors,
            RequiredWhereIndigenousCommunities = command.RequiredWhereIndigenousCommunities ?? current.RequiredWhereIndigenousCommunities,
            TargetComposition = command.TargetComposition ?? current.TargetComposition,
            Weights = command.Weights ?? current.Weights,
            AttendanceWindowSessions = command.AttendanceWindowSessions ?? current.AttendanceWindowSessions,
            AttendanceCounting = command.AttendanceCounting ?? current.AttendanceCounting,
        };

        var problems = next.ValidateFields();
        if (problems.Count > 0)
        {
            throw new ValidationFailedException(problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
        }

        var db = store.Db;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Rewrite every board row (a new xmin) and hold it until commit: a roster change that read the previous policy
        // meanwhile fails its xmin check (409) instead of storing an assessment with the old policy after these ones.
        await db.Database.ExecuteSqlRawAsync("UPDATE boards SET \"Version\" = \"Version\"", ct);
        var row = RepresentativityPolicyVersion.From(next, clock.GetUtcNow(), caller.DisplayName);
        db.RepresentativityPolicies.Add(row);
        recorder.UsePolicy(next);
        var assessed = await recorder.RecordAllAsync(onlyUnassessed: false, ct);
        // A concurrent publication of the same version number fails on the primary key: 409, nothing written.
        await store.SaveAsync(ct);
        await transaction.CommitAsync(ct);
        return (new PolicyView(row.Version, row.CreatedAt, row.CreatedBy, next), assessed);
    }
}
