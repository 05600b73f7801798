using System.Globalization;

namespace Boards.Portal.Referrals;

/// <summary>What the referral form posts; turned into the API's CreateReferral body.</summary>
public sealed class ReferralForm
{
    public string? RequestId { get; set; }
    public string? MunicipalityCode { get; set; }
    public string? DestinationMunicipalityCode { get; set; }
    public string? OriginInstitution { get; set; }
    public string? DestinationInstitution { get; set; }
    public string? ServiceCode { get; set; }
    public string? NeedCategory { get; set; }
    public string? Priority { get; set; } = "normal";
    public string? Reason { get; set; }
    public string? DocumentNumber { get; set; }
    public bool NoDocument { get; set; }
    public string? GivenNames { get; set; }
    public string? FamilyNames { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? Sex { get; set; }
    public string? Phone { get; set; }
    public string? Locality { get; set; }
    public bool ConsentGiven { get; set; }
    public string? ConsentGivenBy { get; set; }
    public bool ConsentOverridden { get; set; }
    public string? OverrideJustification { get; set; }

    public CreateReferralRequest ToRequest() => new()
    {
        RequestId = RequestId,
        MunicipalityCode = Clean(MunicipalityCode),
        DestinationMunicipalityCode = Clean(DestinationMunicipalityCode),
        OriginInstitution = Clean(OriginInstitution),
        DestinationInstitution = Clean(DestinationInstitution),
        ServiceCode = Clean(ServiceCode),
        NeedCategory = Clean(NeedCategory),
        Priority = Clean(Priority),
        Reason = Reason,
        Person = new PersonInput
        {
            DocumentNumber = NoDocument ? null : DocumentNumber,
            NoDocument = NoDocument,
            GivenNames = GivenNames,
            FamilyNames = FamilyNames,
            BirthDate = BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Sex = Clean(Sex),
            Phone = Phone,
            Locality = Locality,
        },
        Consent = new ConsentInput
        {
            Given = ConsentGiven,
            GivenBy = ConsentGiven ? ConsentGivenBy : null,
            Overridden = !ConsentGiven && ConsentOverridden,
            OverrideJustification = !ConsentGiven && ConsentOverridden ? OverrideJustification : null,
        },
    };

    private static string? Clean(string? code) => string.IsNullOrWhiteSpace(code) ? null : code.Trim().ToLowerInvariant();
}
