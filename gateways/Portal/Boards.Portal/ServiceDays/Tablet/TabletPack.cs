namespace Boards.Portal.ServiceDays.Tablet;

/// <summary>
/// What the tablet keeps to work through a day without signal (GET /jornadas/dia/{id}/tableta/datos): the day, its
/// services, the municipality's offer for referrals, the need categories and the institutions' names. Nothing personal.
/// </summary>
public sealed record TabletPack(
    TabletDay Day,
    IReadOnlyList<TabletService> Catalog,
    IReadOnlyList<TabletName> Categories,
    IReadOnlyList<TabletName> Institutions,
    TabletPerson Person,
    DateTimeOffset LoadedAt);

public sealed record TabletDay(
    Guid Id, string MunicipalityCode, string Date, string Venue, string Locality, string Status, int Version,
    IReadOnlyList<TabletService> Services, TabletCounts Counts);

public sealed record TabletCounts(int PeopleServed, int Batches, int ReferralsSent, int ReferralsPending);

public sealed record TabletService(string Code, string Name, string Institution);

public sealed record TabletName(string Code, string Name);

/// <summary>
/// Who is signed in (the queue is theirs), whether their account may record on this day, and the token the tablet's
/// own sign-out form sends.
/// </summary>
public sealed record TabletPerson(string Subject, string Name, bool MayRecord, string SignOutToken);

/// <summary>The answer for one item synced: sent, held (on the server, its delivery pending), refused, catalog, signin, unavailable.</summary>
public sealed record TabletItemAnswer(
    string Result, string? Message = null, IReadOnlyDictionary<string, string[]>? Fields = null, int? PeopleServed = null, bool? Replayed = null);

/// <summary>The words of <see cref="TabletItemAnswer.Result"/>.</summary>
public static class TabletResults
{
    public const string Sent = "sent";
    /// <summary>ServiceDays keeps it; the referral's delivery to Referrals is pending (the day's page retries it).</summary>
    public const string Held = "held";
    public const string Refused = "refused";
    /// <summary>Refused because the service is no longer offered (the day's services or the municipality's offer changed).</summary>
    public const string Catalog = "catalog";
    public const string SignIn = "signin";
    public const string Unavailable = "unavailable";
}
