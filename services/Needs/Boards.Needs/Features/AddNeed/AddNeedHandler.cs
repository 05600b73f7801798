namespace Boards.Needs.Features.AddNeed;

/// <summary>Records a need in an open round; it gets the next number.</summary>
public sealed class AddNeedHandler(RoundStore rounds, NeedsDbContext db, TimeProvider clock)
{
    public async Task<(AssessmentRound Round, Need Need)> HandleAsync(Guid roundId, NeedInput input, Caller caller, CancellationToken ct)
    {
        var round = await rounds.LoadForChangeAsync(roundId, caller, ct);
        var errors = new FieldErrors();
        var valid = NeedValidator.Validate(errors, input, await db.CategoryCodesAsync(ct));
        errors.ThrowIfAny();

        var need = round.RecordNeed(valid!, caller.DisplayName, clock.GetUtcNow());
        await rounds.SaveAsync(round, ct);
        return (round, need);
    }
}
