namespace Boards.ServiceDays.Tests.Integration;

/// <summary>Request bodies the tests start from.</summary>
internal static class Requests
{
    public static object Day(string municipality, params (string Institution, string[] Services)[] institutions) =>
        DayAt(municipality, "Compañía San Blas", "2026-12-05", institutions);

    public static object DayAt(string municipality, string locality, string date, params (string Institution, string[] Services)[] institutions) => new
    {
        municipalityCode = municipality,
        locality,
        date,
        venue = "Escuela Básica N° 123",
        expectedAttendance = 120,
        institutions = institutions.Select(i => new { institutionCode = i.Institution, services = i.Services }).ToArray(),
    };

    public static object Referral(string entryId, string document, string origin = "mspbs", string destination = "mds", string service = "tekopora") => new
    {
        entryId,
        originInstitution = origin,
        destinationInstitution = destination,
        serviceCode = service,
        needCategory = "food_security",
        priority = "normal",
        reason = "Hogar sin ingresos fijos con tres niños en edad escolar.",
        person = new
        {
            documentNumber = document,
            givenNames = "María Elena",
            familyNames = "Benítez Ortiz",
            birthDate = "1988-04-12",
            sex = "female",
            phone = "0981 123 456",
            locality = "Compañía San Blas",
        },
        consent = new { given = true, givenBy = "la persona" },
    };
}
