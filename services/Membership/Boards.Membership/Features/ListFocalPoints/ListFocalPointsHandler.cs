namespace Boards.Membership.Features.ListFocalPoints;

/// <summary>The appointment history of a board's focal point, most recent first.</summary>
public sealed class ListFocalPointsHandler(BoardStore store)
{
    public async Task<(Board Board, IReadOnlyList<FocalPointTerm> Terms)> HandleAsync(string? municipalityCode, Caller caller, CancellationToken ct)
    {
        var board = await store.ReadAsync(municipalityCode, caller, ct);
        return (board, board.FocalPointTerms.OrderByDescending(t => t.StartsOn).ThenByDescending(t => t.AppointedAt).ToList());
    }
}
