using Boards.BuildingBlocks.Outbox;

namespace Boards.Needs.Features.CloseRound;

public sealed record CloseRoundCommand
{
    /// <summary>The round version the caller read: the ranking they saw is the one that is frozen.</summary>
    public int? ExpectedVersion { get; init; }
}

/// <summary>
/// Closes a needs assessment round: the round freezes its Borda ranking (<see cref="AssessmentRound.Close"/> holds the
/// rules: still open, the version the person reviewed, at least one need and one ballot), and NeedsPrioritized and
/// GapAnalysisPublished (trigger round_closed) go to the outbox in the same SaveChanges.
/// </summary>
public sealed class CloseRoundHandler(RoundStore rounds, NeedsDbContext db, GapAnalyzer gaps, TimeProvider clock)
{
    public async Task<AssessmentRound> HandleAsync(Guid roundId, CloseRoundCommand command, Caller caller, CancellationToken ct)
    {
        if (command.ExpectedVersion is not (>= 1))
        {
            throw ValidationFailedException.For("expectedVersion", "Indique la versión de la ronda que revisó (expectedVersion): se congela el orden que usted vio.");
        }

        var round = await rounds.LoadForChangeAsync(roundId, caller, ct);
        var now = clock.GetUtcNow();
        round.Close(command.ExpectedVersion.Value, caller.DisplayName, now);
        db.AddToOutbox(RoundEvents.Prioritized(round, now), clock);
        db.AddToOutbox(await gaps.AnalyzeAsync(round.MunicipalityCode, round, GapAnalyzer.RoundClosed, ct), clock);
        await rounds.SaveAsync(round, ct);
        return round;
    }
}
