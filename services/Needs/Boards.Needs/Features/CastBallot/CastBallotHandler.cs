using Boards.BuildingBlocks.Api.Limits;
using Boards.Needs.Domain;

namespace Boards.Needs.Features.CastBallot;

/// <summary>A member's ranking, most urgent first. It may leave needs out; those get no points from this ballot.</summary>
public sealed record CastBallotCommand
{
    [MaxText(NeedsLimits.Name)]
    public string? MemberName { get; init; }
    [MaxItems(NeedsLimits.Ranking)]
    public IReadOnlyList<Guid>? Ranking { get; init; }
}

/// <summary>
/// Records (or replaces) a board member's ballot in an open round. Only a voting member of the board's current roster
/// votes, under the name the roster has (docs/needs.md); the name sent is ignored.
/// </summary>
public sealed class CastBallotHandler(RoundStore rounds, IBoardRoster roster, TimeProvider clock)
{
    public async Task<(AssessmentRound Round, NeedBallot Ballot)> HandleAsync(
        Guid roundId, Guid memberId, CastBallotCommand command, Caller caller, CancellationToken ct)
    {
        var round = await rounds.LoadForChangeAsync(roundId, caller, ct);
        var errors = new FieldErrors();
        if (memberId == Guid.Empty)
        {
            errors.Add("memberId", "Indique el miembro de la mesa que vota (su id en el padrón).");
        }

        var voter = memberId == Guid.Empty
            ? null
            : (await roster.VotingMembersAsync(round.MunicipalityCode, ct)).FirstOrDefault(m => m.MemberId == memberId);
        if (memberId != Guid.Empty && voter is null)
        {
            errors.Add("memberId", "Esta persona no es miembro votante del padrón actual de la mesa: solo los miembros activos con voto emiten boleta.");
        }

        var ranking = command.Ranking ?? [];
        foreach (var problem in round.RankingProblems(memberId, ranking))
        {
            errors.Add("ranking", problem);
        }

        errors.ThrowIfAny();

        var ballot = round.CastBallot(memberId, voter!.PersonName, ranking, caller.DisplayName, clock.GetUtcNow());
        await rounds.SaveAsync(round, ct);
        return (round, ballot);
    }
}
