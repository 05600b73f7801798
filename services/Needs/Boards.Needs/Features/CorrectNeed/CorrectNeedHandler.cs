namespace Boards.Needs.Features.CorrectNeed;

/// <summary>Corrects a need of an open round; it keeps its id and number.</summary>
public sealed class CorrectNeedHandler(RoundStore rounds, NeedsDbContext db, TimeProvider clock)
{
    public async Task<(AssessmentRound Round, Need Need)> HandleAsync(Guid roundId, Guid needId, NeedInput input, Caller caller, CancellationToken ct)
    {
        var round = await rounds.LoadForChangeAsync(roundId, caller, ct);
        // An unknown need is answered before the fields are checked.
        round.NeedById(needId);
        var errors = new FieldErrors();
        var valid = NeedValidator.Validate(errors, input, await db.CategoryCodesAsync(ct));
        errors.ThrowIfAny();

        var need = round.CorrectNeed(needId, valid!, caller.DisplayName, clock.GetUtcNow());
        await rounds.SaveAsync(round, ct);
        return (round, need);
    }
}
