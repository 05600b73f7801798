namespace Boards.Membership.Features.GetBoard;

public sealed class GetBoardHandler(BoardStore store)
{
    public Task<Board> HandleAsync(string? municipalityCode, Caller caller, CancellationToken ct) =>
        store.ReadAsync(municipalityCode, caller, ct);
}
