namespace Boards.Referrals.Domain;

/// <summary>
/// One read of a person's data (docs/security.md, "Read audit"): who read which referral (and person key), when,
/// through which door, doing what, and why when a reason was given. Append-only: the table refuses updates and deletes.
/// </summary>
public sealed class PersonalDataRead
{
    private PersonalDataRead()
    {
    }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private init; }
    public string ActorSubject { get; private init; } = "";
    public string ActorName { get; private init; } = "";
    public string ActorRoles { get; private init; } = "";
    /// <summary>rest, grpc or portal.</summary>
    public string Door { get; private init; } = "";
    /// <summary>get, list, watch, full-read (with a reason), or reply (the answer to a write).</summary>
    public string Action { get; private init; } = "";

    /// <summary>full, masked (initials only) or anonymised: what the reader was shown.</summary>
    public string Disclosure { get; private init; } = "";
    public Guid ReferralId { get; private init; }
    public string PersonKey { get; private init; } = "";
    public string? Reason { get; private init; }

    public static PersonalDataRead Of(
        Referral referral, ReadActor actor, string door, string action, string disclosure, string? reason, DateTimeOffset at) => new()
    {
        Disclosure = disclosure,
        At = at,
        ActorSubject = Truncate(actor.Subject, ReferralLimits.Actor),
        ActorName = Truncate(actor.Name, ReferralLimits.Actor),
        ActorRoles = Truncate(string.Join(' ', actor.Roles.Order(StringComparer.Ordinal)), ReferralLimits.Actor),
        Door = door,
        Action = action,
        ReferralId = referral.Id,
        PersonKey = referral.PersonKey,
        Reason = reason,
    };

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}

/// <summary>Who reads, as the token says.</summary>
public sealed record ReadActor(string Subject, string Name, IReadOnlyCollection<string> Roles);
