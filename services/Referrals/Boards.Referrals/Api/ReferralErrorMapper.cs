using Boards.BuildingBlocks.Errors;
using Boards.Referrals.Domain;
using Boards.Referrals.Features.Common;

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
        IdempotencyConflictException idempotency => new ApiError(ApiErrorKind.AlreadyExists, "requestId reutilizado.", idempotency.Message),
        _ => null,
    };
}
