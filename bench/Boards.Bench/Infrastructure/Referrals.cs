using System.Globalization;
using Boards.Referrals.Contracts.Grpc;

namespace Boards.Bench.Infrastructure;

/// <summary>A valid referral like a focal point sends it: from the municipality to primary care, with consent.</summary>
public static class NewReferral
{
    public static CreateReferralRequest For(string municipality) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        MunicipalityCode = municipality,
        OriginInstitution = "municipalidad",
        DestinationInstitution = "mspbs",
        ServiceCode = SystemUnderTest.OfferedService,
        NeedCategory = "salud",
        Priority = Priority.Normal,
        Reason = "Control prenatal pendiente; sin transporte a la USF (banco de pruebas).",
        Person = new Person
        {
            DocumentNumber = Random.Shared.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture),
            GivenNames = "María Elena",
            FamilyNames = "Benítez Ayala",
            BirthDate = "1994-03-12",
            Sex = Sex.Female,
            Phone = "0981 000 000",
            Locality = "Compañía San Isidro",
        },
        Consent = new Consent { Given = true, GivenBy = "la persona" },
    };
}
