namespace Boards.Referrals.Tests.Domain;

/// <summary>What a test can do to a referral: one value per method of the state machine.</summary>
public enum Act
{
    Accept,
    Reject,
    Start,
    Hold,
    Resume,
    CounterReferHelped,
    CounterReferNotAttended,
    Cancel,
}

/// <summary>Referrals in a known state, built only through the aggregate's own methods.</summary>
internal static class TestReferrals
{
    public const string Origin = "origin-officer";
    public const string Destination = "destination-officer";

    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    public static readonly DeadlinePolicy Policy = new();

    public static Person Person() => new()
    {
        DocumentNumber = "4567890",
        GivenNames = "María José",
        FamilyNames = "Benítez Ortiz",
        BirthDate = new DateOnly(1988, 5, 14),
        Sex = Sex.Female,
        Locality = "Compañía San Roque",
    };

    public static Consent GivenConsent() => new() { Given = true, GivenBy = "la persona" };

    public static NewReferral Request(Priority priority = Priority.Normal, Consent? consent = null) => new(
        RequestId: "req-1",
        MunicipalityCode: "alto-vera",
        DestinationMunicipalityCode: "itanara",
        OriginInstitution: "mds",
        DestinationInstitution: "mec",
        ServiceCode: "tekopora",
        NeedCategory: "income",
        Priority: priority,
        Reason: "Familia sin ingresos estables.",
        Person: Person(),
        Consent: consent ?? GivenConsent(),
        PreviousReferralId: null);

    public static Referral New(Priority priority = Priority.Normal, DateTimeOffset? at = null, DeadlinePolicy? policy = null) =>
        Referral.Create(Request(priority), "pk_test", "hash", Origin, at ?? T0, policy ?? Policy);

    public static CounterReferral Helped(Outcome outcome = Outcome.GotHelp) => new()
    {
        Attended = true,
        AttendedOn = DateOnly.FromDateTime(T0.UtcDateTime),
        ServicesDelivered = ["tekopora"],
        Outcome = outcome,
        Notes = "Ingresó al programa.",
        AnsweredBy = "Lic. Gómez",
    };

    public static CounterReferral NotAttended(Outcome outcome = Outcome.CouldNotContact) => new()
    {
        Attended = false,
        Outcome = outcome,
        Notes = "No respondió a tres llamadas.",
        AnsweredBy = "Lic. Gómez",
    };

    /// <summary>A referral driven to <paramref name="status"/> through legal transitions, one hour apart.</summary>
    public static Referral InState(ReferralStatus status)
    {
        var referral = New();
        Act[] path = status switch
        {
            ReferralStatus.Requested => [],
            ReferralStatus.Accepted => [Act.Accept],
            ReferralStatus.Rejected => [Act.Reject],
            ReferralStatus.InProgress => [Act.Accept, Act.Start],
            ReferralStatus.OnHold => [Act.Accept, Act.Start, Act.Hold],
            ReferralStatus.Completed => [Act.Accept, Act.CounterReferHelped],
            ReferralStatus.Failed => [Act.Accept, Act.CounterReferNotAttended],
            ReferralStatus.Cancelled => [Act.Cancel],
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };

        var at = T0;
        foreach (var act in path)
        {
            at = at.AddHours(1);
            Apply(referral, act, at);
        }

        Assert.Equal(status, referral.Status);
        return referral;
    }

    /// <summary>Performs <paramref name="act"/> with valid input (notes present), so only the state machine can refuse it.</summary>
    public static void Apply(Referral referral, Act act, DateTimeOffset at, string note = "nota de prueba")
    {
        switch (act)
        {
            case Act.Accept:
                referral.Accept(Destination, note, at, Policy);
                break;
            case Act.Reject:
                referral.Reject(RejectionReason.NoCapacity, note, Destination, at);
                break;
            case Act.Start:
                referral.Start(Destination, note, at);
                break;
            case Act.Hold:
                referral.Hold(Destination, note, at);
                break;
            case Act.Resume:
                referral.Resume(Destination, note, at);
                break;
            case Act.CounterReferHelped:
                referral.CounterRefer(Helped() with { Notes = note }, Destination, at);
                break;
            case Act.CounterReferNotAttended:
                referral.CounterRefer(NotAttended() with { Notes = note }, Destination, at);
                break;
            case Act.Cancel:
                referral.Cancel(CancellationReason.NoLongerNeeded, note, Origin, at);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(act));
        }
    }
}
