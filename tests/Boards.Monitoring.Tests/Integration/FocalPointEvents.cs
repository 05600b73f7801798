using Boards.Membership.Contracts.Events;

namespace Boards.Monitoring.Tests.Integration;

/// <summary>FocalPointAppointed and FocalPointAccessChanged as Membership's outbox relay publishes them.</summary>
public static class FocalPointEvents
{
    public static FocalPointAppointed Appointed(string code, Guid termId, long boardVersion, DateOnly startsOn) => new()
    {
        BoardId = Guid.CreateVersion7(),
        MunicipalityCode = code,
        TermId = termId,
        MemberId = Guid.CreateVersion7(),
        StartsOn = startsOn,
        BoardVersion = boardVersion,
        OccurredAt = DateTimeOffset.UtcNow,
    };

    public static FocalPointAccessChanged Access(string code, Guid termId, string access, DateTimeOffset updatedAt) => new()
    {
        BoardId = Guid.CreateVersion7(),
        MunicipalityCode = code,
        TermId = termId,
        MemberId = Guid.CreateVersion7(),
        Access = access,
        CurrentTerm = true,
        UpdatedAt = updatedAt,
        OccurredAt = updatedAt,
    };
}
