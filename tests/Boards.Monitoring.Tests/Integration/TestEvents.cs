using Boards.Referrals.Contracts.Events;

namespace Boards.Monitoring.Tests.Integration;

/// <summary>Builds referral events shaped like the ones the referrals service publishes (Status and Version after the change).</summary>
public sealed class ReferralStory(string municipalityCode, DateTimeOffset createdAt)
{
    public Guid ReferralId { get; } = Guid.CreateVersion7();
    public string MunicipalityCode { get; } = municipalityCode;
    public DateTimeOffset CreatedAt { get; } = createdAt;

    public ReferralRequested Requested() => Fill(new ReferralRequested
    {
        AcceptBy = CreatedAt.AddDays(5),
        ConsentOverridden = false,
    }, "requested", 1, 0);

    public ReferralAccepted Accepted(double afterDays, long version = 2) =>
        Fill(new ReferralAccepted { CounterReferBy = CreatedAt.AddDays(30) }, "accepted", version, afterDays);

    public ReferralRejected Rejected(double afterDays, long version = 2) =>
        Fill(new ReferralRejected { Reason = "no_capacity" }, "rejected", version, afterDays);

    public ReferralStarted Started(double afterDays, long version = 3) => Fill(new ReferralStarted(), "in_progress", version, afterDays);

    public ReferralCounterReferred CounterReferred(double afterDays, long version, bool gotHelp = true) => Fill(new ReferralCounterReferred
    {
        Attended = gotHelp,
        Outcome = gotHelp ? "got_help" : "could_not_contact",
        ServicesDelivered = gotHelp ? ["tekopora"] : [],
        FollowUpRecommended = false,
    }, gotHelp ? "completed" : "failed", version, afterDays);

    public ReferralCancelled Cancelled(double afterDays, long version = 2) =>
        Fill(new ReferralCancelled { Reason = "no_longer_needed" }, "cancelled", version, afterDays);

    /// <summary>The sweep raises it with the referral's current status and version (overdue does not bump the version).</summary>
    public ReferralOverdue Overdue(string status, long version, double afterDays) => Fill(new ReferralOverdue
    {
        Deadline = status == "requested" ? "accept" : "counter_referral",
        DueAt = CreatedAt.AddDays(afterDays),
    }, status, version, afterDays);

    private T Fill<T>(T specific, string status, long version, double afterDays) where T : ReferralEvent => (T)((ReferralEvent)specific with
    {
        ReferralId = ReferralId,
        MunicipalityCode = MunicipalityCode,
        DestinationMunicipalityCode = MunicipalityCode,
        OriginInstitution = "mds",
        DestinationInstitution = "mec",
        ServiceCode = "tekopora",
        NeedCategory = "ingresos",
        Priority = "normal",
        PersonKey = "pk-" + ReferralId.ToString("N")[..8],
        Status = status,
        Version = version,
        CreatedAt = CreatedAt,
        OccurredAt = CreatedAt.AddDays(afterDays),
        Actor = "prueba",
    });
}

public static class TestCodes
{
    /// <summary>A municipality code no other test (or run) uses, so tests sharing a database never see each other's data.</summary>
    public static string Unique(string prefix = "t") => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";

    /// <summary>A RepresentativityAssessed as Membership's outbox relay publishes it (no personal data).</summary>
    public static Boards.Membership.Contracts.Events.RepresentativityAssessed Assessed(
        string code, DateTimeOffset assessedAt, decimal score, params string[] gaps) => new()
    {
        AssessmentId = Guid.CreateVersion7(),
        BoardId = Guid.CreateVersion7(),
        MunicipalityCode = code,
        BoardVersion = 4,
        Basis = "roster",
        PolicyVersion = 2,
        Score = score,
        ActiveVotingMembers = 4,
        Components =
        [
            new Boards.Membership.Contracts.Representativity.RepresentativityComponentValue
            {
                Name = "RequiredSectors", Label = "Sectores requeridos", Applicable = true, Value = 0.75m, SubScore = 0.75m,
                PolicyWeight = 0.25m, Weight = 0.25m, Contribution = 18.75m,
            },
        ],
        Flags = ["RequiredSectorMissing"],
        Gaps = gaps,
        AssessedAt = assessedAt,
    };

    /// <summary>A MunicipalityRegistered as Membership (the registry of record) announces it.</summary>
    public static Boards.Membership.Contracts.Events.MunicipalityRegistered Registration(
        string code, string name, string department, int number, DateTimeOffset? occurredAt = null, string status = "expansion-2025") => new()
    {
        Code = code,
        Name = name,
        Department = department,
        DepartmentNumber = number,
        Status = status,
        OccurredAt = occurredAt ?? DateTimeOffset.UtcNow,
    };
}
