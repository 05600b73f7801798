using Boards.Monitoring.Consumers;
using Boards.Referrals.Contracts.Events;

namespace Boards.Monitoring.Tests.Consumers;

public sealed class ReferralEventMappingTests
{
    private static ReferralAccepted Accepted(string municipality, string status = "accepted") => new()
    {
        ReferralId = Guid.CreateVersion7(),
        MunicipalityCode = municipality,
        DestinationMunicipalityCode = "capiibary",
        Status = status,
        Version = 2,
        CreatedAt = new DateTimeOffset(2025, 5, 1, 8, 0, 0, TimeSpan.FromHours(-3)),
        OccurredAt = new DateTimeOffset(2025, 5, 2, 8, 0, 0, TimeSpan.FromHours(-3)),
        CounterReferBy = DateTimeOffset.UtcNow,
    };

    [Fact]
    public void Counts_by_origin_with_a_normalized_code_and_utc_times()
    {
        var message = Accepted(" Alto-Vera ");

        var change = ReferralEventMapping.ToChange(message, ReferralChangeKind.Accepted);

        Assert.Equal("alto-vera", change.MunicipalityCode);
        Assert.Equal(ReferralStatus.Accepted, change.Status);
        Assert.Equal(2, change.Version);
        Assert.Equal(TimeSpan.Zero, change.CreatedAt.Offset);
        Assert.Equal(new DateTimeOffset(2025, 5, 2, 11, 0, 0, TimeSpan.Zero), change.OccurredAt);
    }

    [Fact]
    public void An_event_without_origin_municipality_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => ReferralEventMapping.ToChange(Accepted(" "), ReferralChangeKind.Accepted));
    }

    [Fact]
    public void An_event_with_an_unknown_status_is_refused()
    {
        Assert.Throws<FormatException>(() => ReferralEventMapping.ToChange(Accepted("alto-vera", "archived"), ReferralChangeKind.Accepted));
    }
}
