using System.Globalization;
using System.Text;
using Boards.Referrals.Contracts.Grpc;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;

namespace Boards.Samples.GrpcClient;

/// <summary>CreateReferral with a fresh request id (safe to retry with the same one), and its errors in words.</summary>
public static class ReferralExample
{
    public static async Task<Referral> CreateAsync(GrpcChannel channel, Metadata auth, SampleSettings settings)
    {
        var referrals = new ReferralService.ReferralServiceClient(channel);
        var request = new CreateReferralRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            MunicipalityCode = settings.Municipality,
            OriginInstitution = "mspbs",
            DestinationInstitution = "mds",
            ServiceCode = "atencion-primaria",
            NeedCategory = "salud",
            Priority = Priority.Normal,
            Reason = "Control prenatal pendiente; sin transporte a la USF.",
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
        return await referrals.CreateReferralAsync(request, auth, deadline: DateTime.UtcNow.AddSeconds(15));
    }

    /// <summary>What went wrong, with the field violations or the failed precondition the error carries (Unavailable: the gateway is not there).</summary>
    public static string Explain(RpcException error)
    {
        var text = new StringBuilder($"La llamada falló: {error.StatusCode}: {error.Status.Detail}");
        var status = error.GetRpcStatus();
        foreach (var violation in status?.GetDetail<BadRequest>()?.FieldViolations ?? [])
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  {violation.Field}: {violation.Description}");
        }

        foreach (var violation in status?.GetDetail<PreconditionFailure>()?.Violations ?? [])
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  {violation.Type} {violation.Subject}: {violation.Description}");
        }

        return text.ToString();
    }
}
