using Boards.Referrals.Features.ServiceAvailability;
using Proto = Boards.Referrals.Contracts.Grpc;

namespace Boards.Referrals.Tests.Integration.Batch;

/// <summary>Batch items as the integrator-demo client (institution mspbs) sends them, and catalog answers.</summary>
internal static class BatchRequests
{
    public static string NewServiceCode() => $"svc-{Guid.NewGuid().ToString("N")[..10]}";

    public static string NewReferenceId(string what) => $"{what}-{Guid.NewGuid():N}";

    public static Proto.BatchReferralItem Item(string referenceId, string serviceCode, string originInstitution = "mspbs") => new()
    {
        ReferenceId = referenceId,
        Referral = new Proto.CreateReferralRequest
        {
            MunicipalityCode = "alto-vera",
            DestinationMunicipalityCode = "pilar",
            OriginInstitution = originInstitution,
            DestinationInstitution = "mds",
            ServiceCode = serviceCode,
            NeedCategory = "proteccion-social",
            Priority = Proto.Priority.Normal,
            Reason = "Derivación desde el sistema de la institución.",
            Person = new Proto.Person
            {
                DocumentNumber = "4455667", GivenNames = "Lucía", FamilyNames = "Benítez", BirthDate = "1988-11-20", Sex = Proto.Sex.Female,
            },
            Consent = new Proto.Consent { Given = true, GivenBy = "la persona" },
        },
    };

    public static AvailabilityAnswer Available => new() { Verified = true, Offered = true, CapacityStatus = "available", Message = "Hay cupo." };

    public static AvailabilityAnswer Full => new() { Verified = true, Offered = true, CapacityStatus = "full", Message = "Sin cupo este mes." };

    public static AvailabilityAnswer NotOffered(string code) => new() { Verified = true, Offered = false, Message = $"El servicio '{code}' no se ofrece en Pilar." };
}
