namespace Boards.Membership.Features.ListMembers;

/// <summary>The roster: active members, or with <c>includeCeased</c> the whole history, in designation order.</summary>
public sealed class ListMembersHandler(BoardStore store)
{
    public async Task<IReadOnlyList<Member>> HandleAsync(string? municipalityCode, bool includeCeased, Caller caller, CancellationToken ct)
    {
        var board = await store.ReadAsync(municipalityCode, caller, ct);
        return board.Members
            .Where(m => includeCeased || m.IsActive)
            .OrderBy(m => m.DesignatedOn).ThenBy(m => m.Id)
            .ToList();
    }
}
