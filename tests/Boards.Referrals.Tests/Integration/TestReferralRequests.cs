using Boards.Referrals.Features.CreateReferral;

namespace Boards.Referrals.Tests.Integration;

internal static class TestReferralRequests
{
    public static readonly Caller MdsOfficer =
        new("sub-officer", "officer.mds", new HashSet<string> { BoardsRoles.InstitutionOfficer }, null, "mds", new HashSet<string> { "alto-vera" });

    public static CreateReferralCommand New(string serviceCode = "usf-centro", string destination = "pilar", string? requestId = null) => new()
    {
        RequestId = requestId ?? $"req-{Guid.NewGuid():N}",
        MunicipalityCode = "alto-vera",
        DestinationMunicipalityCode = destination,
        OriginInstitution = "mds",
        DestinationInstitution = "mspbs",
        ServiceCode = serviceCode,
        NeedCategory = "salud",
        Priority = Priority.Normal,
        Reason = "Control prenatal.",
        Person = new PersonInput { DocumentNumber = "1234567", GivenNames = "Rosa", FamilyNames = "Ayala", BirthDate = "1995-04-02", Sex = Sex.Female },
        Consent = new ConsentInput { Given = true, GivenBy = "la persona" },
    };
}
