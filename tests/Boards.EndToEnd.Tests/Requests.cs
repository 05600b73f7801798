namespace Boards.EndToEnd.Tests;

public static class Requests
{
    public static CreateReferralRequest NewReferral(string municipality = "alto-vera", string origin = "municipalidad",
        string destination = "mspbs", Priority priority = Priority.Normal, string? requestId = null) => new()
    {
        RequestId = requestId ?? Guid.NewGuid().ToString(),
        MunicipalityCode = municipality,
        OriginInstitution = origin,
        DestinationInstitution = destination,
        ServiceCode = "atencion-primaria",
        NeedCategory = "salud",
        Priority = priority,
        Reason = "Control prenatal pendiente; sin transporte a la USF.",
        Person = new Person
        {
            DocumentNumber = Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
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
