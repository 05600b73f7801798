namespace Boards.Portal.ServiceDays;

/// <summary>
/// One need found on the day, referred for one person (POST /api/service-days/{id}/referrals with one entry). The
/// <see cref="EntryId"/> is chosen when the form is rendered, so sending it twice creates one referral. The document
/// number is never rendered back.
/// </summary>
public sealed class DayReferralForm
{
    public static readonly string[] Priorities = ["urgent", "high", "normal"];
    public static readonly string[] Sexes = ["female", "male", "other"];

    public string EntryId { get; set; } = NewEntryId();
    public string? OriginInstitution { get; set; }
    public string? DestinationInstitution { get; set; }
    public string? ServiceCode { get; set; }
    public string? NeedCategory { get; set; }
    public string? Priority { get; set; } = "normal";
    public string? Reason { get; set; }
    public string? Document { get; set; }
    public bool NoDocument { get; set; }
    public string? GivenNames { get; set; }
    public string? FamilyNames { get; set; }
    public string? BirthDate { get; set; }
    public string? Sex { get; set; }
    public string? Phone { get; set; }
    public bool ConsentGiven { get; set; }
    public string? ConsentGivenBy { get; set; }

    public static string NewEntryId() => "portal-" + Guid.NewGuid().ToString("N");

    public object Body() => new
    {
        entries = new[]
        {
            new
            {
                entryId = EntryId,
                originInstitution = Empty(OriginInstitution),
                destinationInstitution = Empty(DestinationInstitution),
                serviceCode = Empty(ServiceCode),
                needCategory = Empty(NeedCategory),
                priority = Empty(Priority),
                reason = Empty(Reason),
                person = new
                {
                    documentNumber = NoDocument ? null : Empty(Document),
                    noDocument = NoDocument,
                    givenNames = Empty(GivenNames),
                    familyNames = Empty(FamilyNames),
                    birthDate = Empty(BirthDate),
                    sex = Empty(Sex),
                    phone = Empty(Phone),
                },
                consent = new { given = ConsentGiven, givenBy = Empty(ConsentGivenBy) },
            },
        },
    };

    /// <summary>The API's keys without the <c>entries[0].</c> of the single entry ("person.birthDate").</summary>
    public static Dictionary<string, string[]> Errors(IReadOnlyDictionary<string, string[]> errors) =>
        errors.GroupBy(e => e.Key.StartsWith("entries[0].", StringComparison.OrdinalIgnoreCase) ? e.Key["entries[0].".Length..] : e.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray(), StringComparer.OrdinalIgnoreCase);

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
