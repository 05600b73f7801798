using System.Collections.Concurrent;
using Boards.Needs.Features.CastBallot;

namespace Boards.Needs.Tests.Integration;

/// <summary>
/// Membership's roster as these tests seat it: only the members seated in a municipality may vote there. The real
/// gRPC call to Membership is proved end to end (NeedsGapFlowTests, PortalNeedsTests).
/// </summary>
public sealed class ScriptedRoster : IBoardRoster
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, string>> _boards = new();

    public Guid Seat(string municipalityCode, string personName)
    {
        var id = Guid.CreateVersion7();
        _boards.GetOrAdd(municipalityCode, _ => new())[id] = personName;
        return id;
    }

    public Task<IReadOnlyList<RosterVoter>> VotingMembersAsync(string municipalityCode, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<RosterVoter>>(_boards.TryGetValue(municipalityCode, out var members)
            ? [.. members.Select(m => new RosterVoter(m.Key, m.Value))]
            : []);
}
