using Boards.Planning.Domain.Versions;

namespace Boards.Planning.Features.GetVersionDiff;

/// <summary>What changed in version v against v−1, field by field (version 1: everything added). The open draft compares its current structure.</summary>
public sealed class GetVersionDiffHandler(PlanStore store, PlanningDbContext db)
{
    public async Task<PlanDiff> HandleAsync(Guid planId, int version, Caller caller, CancellationToken ct)
    {
        var plan = await store.ReadableAsync(planId, caller, ct);
        if (version < 1 || version > plan.Version)
        {
            throw new NotFoundException($"El plan no tiene la versión {version} (la última es la {plan.Version}).");
        }

        var snapshots = await db.Versions.AsNoTracking().Where(v => v.PlanId == planId && (v.Version == version || v.Version == version - 1))
            .ToDictionaryAsync(v => v.Version, v => v.Snapshot, ct);
        var after = snapshots.TryGetValue(version, out var approved) ? approved : PlanSnapshot.Of(plan);
        return PlanDiffer.Compare(version - 1, snapshots.GetValueOrDefault(version - 1), version, after);
    }
}
