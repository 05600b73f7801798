using Boards.BuildingBlocks.Errors;

namespace Boards.ServiceDays.Tests.Domain;

/// <summary>A referral entry's failure kind, and its correction: only a refused entry takes other content.</summary>
public sealed class ReferralEntryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);
    private static readonly ReferralNeed Correction = new("mspbs", "mds", "pilar", "tekopora", "food_security", "urgent");

    [Theory]
    [InlineData(ReferralFailureKind.Refused)]
    [InlineData(ReferralFailureKind.ServiceNotOffered)]
    public void A_refused_entry_takes_the_correction_and_waits_to_be_sent_again_under_the_same_request_id(string kind)
    {
        var entry = Failed(kind);

        entry.Correct(Correction, "new-hash", """{"new":true}""", "mspbs");

        Assert.Equal((ReferralEntryStatus.Pending, null, null), (entry.Status, entry.Error, entry.FailureKind));
        Assert.Equal(("new-hash", """{"new":true}"""), (entry.ContentHash, entry.PendingPayload));
        Assert.Equal(Correction, new ReferralNeed(entry.OriginInstitution, entry.DestinationInstitution, entry.DestinationMunicipalityCode,
            entry.ServiceCode, entry.NeedCategory, entry.Priority));
        Assert.Equal(("e-1", "sd:day:e-1", 1), (entry.EntryId, entry.RequestId, entry.Attempts));
        Assert.True(entry.AwaitsDelivery);
    }

    [Theory]
    [InlineData("pending")]
    [InlineData("sent")]
    [InlineData("unreachable")]
    [InlineData("expired")]
    [InlineData("refused, by another institution")]
    public void Any_other_entry_keeps_its_content_and_other_content_is_a_reused_id(string state)
    {
        var entry = state switch
        {
            "pending" => Received(),
            "sent" => Sent(),
            "unreachable" => Failed(ReferralFailureKind.Unreachable),
            "expired" => Received(ReferralEntryStatus.Expired),
            _ => Failed(ReferralFailureKind.Refused),
        };
        var acting = state.EndsWith("institution", StringComparison.Ordinal) ? "mds" : null;

        var refused = Assert.Throws<AlreadyExistsException>(() => entry.Correct(Correction, "new-hash", "{}", acting));

        Assert.Equal("Identificador reutilizado.", refused.Title);
        Assert.Equal(("old-hash", "inexistente", "normal"), (entry.ContentHash, entry.DestinationInstitution, entry.Priority));
    }

    [Fact]
    public void The_failure_kind_is_one_of_the_known_and_is_cleared_once_sent()
    {
        var entry = Failed(ReferralFailureKind.Unreachable);
        Assert.Equal(ReferralFailureKind.Unreachable, entry.FailureKind);
        Assert.Throws<ArgumentOutOfRangeException>(() => entry.MarkFailed("Otro motivo.", "tal-vez"));

        entry.MarkSent("r-1", "Referencia enviada.", Now);

        Assert.Equal((ReferralEntryStatus.Sent, null, null), (entry.Status, entry.FailureKind, entry.Error));
    }

    private static ReferralEntry Received(ReferralEntryStatus status = ReferralEntryStatus.Pending) => new()
    {
        ServiceDayId = Guid.NewGuid(),
        EntryId = "e-1",
        RequestId = "sd:day:e-1",
        ContentHash = "old-hash",
        Status = status,
        OriginInstitution = "mspbs",
        DestinationInstitution = "inexistente",
        ServiceCode = "tekopora",
        NeedCategory = "food_security",
        Priority = "normal",
        PendingPayload = status == ReferralEntryStatus.Expired ? null : """{"old":true}""",
        ReceivedAt = Now,
        ReceivedBy = "tableta",
    };

    private static ReferralEntry Failed(string kind)
    {
        var entry = Received();
        entry.CountAttempt(Now);
        entry.MarkFailed("El servicio de referencias rechazó la referencia: …", kind);
        return entry;
    }

    private static ReferralEntry Sent()
    {
        var entry = Received();
        entry.CountAttempt(Now);
        entry.MarkSent("r-1", "Referencia enviada.", Now);
        return entry;
    }
}
