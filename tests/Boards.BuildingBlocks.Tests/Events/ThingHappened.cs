namespace Boards.BuildingBlocks.Tests.Events;

/// <summary>
/// The integration event of these tests. RunId ties it to one test: the message type's exchange is shared by every
/// run on the broker, so a consumer ignores events of other runs. FailTimes makes the consumer throw that many times.
/// </summary>
public sealed record ThingHappened
{
    public required Guid ThingId { get; init; }
    public required string RunId { get; init; }
    public int Sequence { get; init; }
    public int FailTimes { get; init; }
}
