using Boards.Needs.Contracts.Events;
using Boards.Needs.Contracts.Prioritization;

namespace Boards.Needs.Features.Common;

public static class RoundEvents
{
    /// <summary>The frozen ranking of a round that has just been closed.</summary>
    public static NeedsPrioritized Prioritized(AssessmentRound round, DateTimeOffset now) => new()
    {
        RoundId = round.Id,
        MunicipalityCode = round.MunicipalityCode,
        Period = round.Period,
        BallotCount = round.FrozenBallotCount ?? 0,
        Rule = round.FrozenRule ?? "",
        Ranking = round.Needs.OrderBy(n => n.FrozenRank).Select(n => new PrioritizedNeed
        {
            Rank = n.FrozenRank!.Value,
            NeedId = n.Id,
            Category = n.Category,
            Locality = n.Locality,
            PopulationGroup = n.PopulationGroup.Code(),
            PeopleAffected = n.PeopleAffected,
            Severity = n.Severity,
            Points = n.FrozenPoints!.Value,
            DecidedBy = n.FrozenDecidedBy!,
        }).ToList(),
        ClosedAt = round.ClosedAt ?? now,
        OccurredAt = now,
    };
}
