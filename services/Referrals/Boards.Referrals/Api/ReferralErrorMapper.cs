using Boards.Referrals.Features.ServiceAvailability;
using Boards.Referrals.Features.WatchReferrals;

namespace Boards.Referrals.Api;

/// <summary>The referral service's own errors, for REST problem details and gRPC statuses alike.</summary>
public sealed class ReferralErrorMapper : IApiErrorMapper
{
    public ApiError? Map(Exception exception) => exception switch
    {
        DomainValidationException domain => ApiError.Invalid(new Dictionary<string, string[]> { [domain.Field] = [domain.Message] }),
        IllegalTransitionException illegal => new ApiError(ApiErrorKind.FailedPrecondition, "Transición no permitida.", illegal.Message)
        {
            PreconditionType = "STATE",
            Subject = Codes.Of(illegal.Current),
            Extensions = new Dictionary<string, object?> { ["currentStatus"] = Codes.Of(illegal.Current) },
        },
        HoldLimitReachedException holds => new ApiError(ApiErrorKind.FailedPrecondition, "Transición no permitida.", holds.Message)
        {
            PreconditionType = "HOLD_LIMIT",
            Subject = "history",
        },
        ServiceNotOfferedException notOffered => new ApiError(ApiErrorKind.FailedPrecondition, "Servicio no ofrecido.", notOffered.Message)
        {
            PreconditionType = "SERVICE_NOT_OFFERED",
            Subject = "serviceCode",
            ProblemType = "https://boards.example/problems/service-not-offered",
            Extensions = new Dictionary<string, object?>
            {
                ["serviceCode"] = notOffered.ServiceCode,
                ["destinationMunicipalityCode"] = notOffered.MunicipalityCode,
            },
        },
        TooManyStreamsException streams => new ApiError(ApiErrorKind.ResourceExhausted, "Demasiadas suscripciones.", streams.Message),
        LiveChangesUnavailableException live => ApiError.Unavailable("Cambios en vivo no disponibles.", live.Message),
        _ => null,
    };
}
