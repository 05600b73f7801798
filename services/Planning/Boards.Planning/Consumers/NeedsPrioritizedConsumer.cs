using Boards.BuildingBlocks.Inbox;
using Boards.Needs.Contracts.Events;
using Boards.Planning.Domain.Replicas;
using MassTransit;

namespace Boards.Planning.Consumers;

/// <summary>Keeps the ranking of each closed round: the needs an objective may link to. A round's ranking is frozen, so a known round is left as it is.</summary>
public sealed class NeedsPrioritizedConsumer(PlanningDbContext db, TimeProvider clock)
    : IdempotentConsumer<NeedsPrioritized, PlanningDbContext>(db, clock)
{
    protected override string InboxName => "NeedsPrioritizedConsumer";

    protected override async Task HandleAsync(NeedsPrioritized message, ConsumeContext<NeedsPrioritized> context)
    {
        if (await Db.PrioritizedNeeds.AnyAsync(n => n.RoundId == message.RoundId, context.CancellationToken))
        {
            return;
        }

        var municipality = message.MunicipalityCode.Trim().ToLowerInvariant();
        Db.PrioritizedNeeds.AddRange(message.Ranking.Select(n => new PrioritizedNeedReplica
        {
            NeedId = n.NeedId,
            RoundId = message.RoundId,
            MunicipalityCode = municipality,
            Period = message.Period,
            Rank = n.Rank,
            Category = n.Category,
            Locality = n.Locality,
            PopulationGroup = n.PopulationGroup,
            PeopleAffected = n.PeopleAffected,
            Severity = n.Severity,
            ClosedAt = message.ClosedAt,
        }));
    }
}
