namespace Boards.Referrals.Domain;

/// <summary>The person referred. Personal data: it never leaves this service; other services see <see cref="PersonKey"/>.</summary>
public sealed record Person
{
    public string? DocumentNumber { get; init; }
    public bool NoDocument { get; init; }
    public required string GivenNames { get; init; }
    public required string FamilyNames { get; init; }

    /// <summary>Always known when the referral is sent; null only in a masked view or once anonymised.</summary>
    public DateOnly? BirthDate { get; init; }

    public Sex Sex { get; init; }
    public string? Phone { get; init; }
    public string? Locality { get; init; }

    /// <summary>
    /// What the ministry sees by default: initials, no document, phone or birth date. Sex and locality stay: the
    /// national view counts by them, and on their own they do not point at one person.
    /// </summary>
    public Person Masked() => this with
    {
        DocumentNumber = null,
        GivenNames = Initials(GivenNames),
        FamilyNames = Initials(FamilyNames),
        BirthDate = null,
        Phone = null,
    };

    /// <summary>What the retention sweep keeps: nothing that names or locates the person.</summary>
    public Person Anonymised() => new()
    {
        NoDocument = NoDocument,
        GivenNames = "",
        FamilyNames = "",
        Sex = Sex,
    };

    private static string Initials(string names) =>
        string.Join(' ', names.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(name => char.ToUpperInvariant(name[0]) + "."));
}

public sealed record Consent
{
    public bool Given { get; init; }
    public string? GivenBy { get; init; }
    public bool Overridden { get; init; }
    public string? OverrideJustification { get; init; }
}

public sealed record Rejection(RejectionReason Reason, string? Note, string Actor, DateTimeOffset At);

public sealed record Cancellation(CancellationReason Reason, string Note, string Actor, DateTimeOffset At);

public sealed record CounterReferral
{
    public bool Attended { get; init; }
    public DateOnly? AttendedOn { get; init; }
    public List<string> ServicesDelivered { get; init; } = [];
    public Outcome Outcome { get; init; }
    public string? Notes { get; init; }
    public bool FollowUpRecommended { get; init; }
    public string? FollowUpNote { get; init; }
    public required string AnsweredBy { get; init; }
    public DateTimeOffset At { get; init; }

    /// <summary>The loop closes as completed only when the person attended and got (some) help.</summary>
    public ReferralStatus ResultingStatus =>
        Attended && Outcome is Outcome.GotHelp or Outcome.PartiallyHelped ? ReferralStatus.Completed : ReferralStatus.Failed;
}

/// <summary>One line of the append-only history: who moved the referral, from where to where, when and why.</summary>
public sealed class StatusChange
{
    public long Id { get; private set; }
    public ReferralStatus? From { get; init; }
    public ReferralStatus To { get; init; }
    public required string Actor { get; init; }
    public DateTimeOffset At { get; init; }
    public string? Note { get; private set; }

    internal static StatusChange Of(ReferralStatus? from, ReferralStatus to, string actor, DateTimeOffset at, string? note) =>
        new() { From = from, To = to, Actor = actor, At = at, Note = note };

    /// <summary>Only the retention sweep forgets a note (<see cref="Referral.Anonymise"/>); nothing else changes history.</summary>
    internal void ForgetNote() => Note = null;
}
