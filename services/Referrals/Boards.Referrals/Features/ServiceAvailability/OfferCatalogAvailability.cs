using Boards.Needs.Contracts.Calls;
using Boards.Needs.Contracts.Grpc;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Boards.Referrals.Features.ServiceAvailability;

/// <summary>
/// CheckAvailability on Needs' offer catalog (<see cref="IOfferCatalog"/>: over gRPC, or in process when Needs runs in
/// this process) for the caller, within Referrals:Needs:TimeoutSeconds. Any failure to get an answer (not configured,
/// unreachable, deadline, refused token) becomes "not verified". An "offered" answer of the last minute is reused
/// (<see cref="AvailabilityCache"/>) while Needs is there: always in process, while a replica is connected over gRPC.
/// </summary>
public sealed partial class OfferCatalogAvailability(
    IOfferCatalog catalog,
    AvailabilityCache cache,
    IOptions<NeedsOptions> options,
    ILogger<OfferCatalogAvailability> logger) : IServiceAvailability
{
    public const string NotConfigured =
        "La verificación de la oferta de servicios no está configurada: la referencia se registró sin verificar que el servicio se ofrezca.";

    public const string TimedOut =
        "El catálogo de oferta no respondió a tiempo: la referencia se registró sin verificar. Confirme con la institución de destino que el servicio se ofrece y tiene cupo.";

    public const string Unreachable =
        "No se pudo consultar el catálogo de oferta: la referencia se registró sin verificar. Confirme con la institución de destino que el servicio se ofrece y tiene cupo.";

    public async Task<AvailabilityAnswer> CheckAsync(string municipalityCode, string serviceCode, CancellationToken cancellationToken)
    {
        var grpc = catalog as GrpcOfferCatalog;
        if (grpc is { IsConfigured: false })
        {
            return AvailabilityAnswer.NotVerified(NotConfigured);
        }

        // Over gRPC only while a needs replica is connected: once needs stops, the next referral asks and is marked not verified.
        if (cache.TryGet(municipalityCode, serviceCode, out var cached) && (grpc is null || grpc.IsConnected))
        {
            return cached;
        }

        try
        {
            var reply = await catalog.CheckAvailabilityAsync(
                new CheckAvailabilityRequest { MunicipalityCode = municipalityCode, ServiceCode = serviceCode },
                DateTime.UtcNow + options.Value.Timeout, cancellationToken);
            var answer = new AvailabilityAnswer
            {
                Verified = true,
                Offered = reply.Offered,
                CapacityStatus = Code(reply.CapacityStatus),
                WaitlistBand = Code(reply.WaitlistBand),
                ServiceName = reply.ServiceName is { Length: > 0 } name ? name : null,
                Message = reply.Message,
            };
            cache.Remember(municipalityCode, serviceCode, answer);
            return answer;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever went wrong, the referral must still go through: the person is at the desk now.
            var deadline = exception is RpcException { StatusCode: StatusCode.DeadlineExceeded };
            LogNotVerified(logger, exception, municipalityCode, serviceCode, (exception as RpcException)?.StatusCode.ToString() ?? exception.GetType().Name);
            return AvailabilityAnswer.NotVerified(deadline ? TimedOut : Unreachable);
        }
    }

    private static string? Code(CapacityStatus status) => status switch
    {
        CapacityStatus.Available => "available",
        CapacityStatus.Waitlist => "waitlist",
        CapacityStatus.Full => "full",
        _ => null,
    };

    private static string? Code(WaitlistBand band) => band switch
    {
        WaitlistBand.Under1Month => "under_1_month",
        WaitlistBand.OneTo3Months => "one_to_3_months",
        WaitlistBand.Over3Months => "over_3_months",
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "CheckAvailability for service {ServiceCode} in {MunicipalityCode} failed ({Reason}); the referral is created not verified.")]
    private static partial void LogNotVerified(ILogger logger, Exception exception, string municipalityCode, string serviceCode, string reason);
}
