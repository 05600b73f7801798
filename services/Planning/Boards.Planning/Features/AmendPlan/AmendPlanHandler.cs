namespace Boards.Planning.Features.AmendPlan;

public sealed record AmendCommand
{
    public long? ExpectedRevision { get; init; }
}

/// <summary>
/// Opens an amendment: the approved plan becomes draft n+1 (<see cref="Plan.Amend"/>), its structure editable again
/// while execution continues; approved again in another session of the board.
/// </summary>
public sealed class AmendPlanHandler(PlanStore store)
{
    public async Task<Plan> HandleAsync(Guid planId, AmendCommand command, Caller caller, CancellationToken ct)
    {
        var plan = await store.WritableAsync(planId, caller, ct);
        if (command.ExpectedRevision is not (>= 1))
        {
            throw ValidationFailedException.For("expectedRevision", "Indique la revisión del plan que leyó (expectedRevision).");
        }

        plan.Amend(command.ExpectedRevision.Value);
        await store.SaveAsync(ct);
        return plan;
    }
}
