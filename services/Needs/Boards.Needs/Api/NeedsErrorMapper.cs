using Boards.BuildingBlocks.Errors;
using Boards.Needs.Features.Assessment;
using Boards.Needs.Features.Common;

namespace Boards.Needs.Api;

/// <summary>The needs service's own errors, for REST problem details and gRPC statuses alike.</summary>
public sealed class NeedsErrorMapper : IApiErrorMapper
{
    public ApiError? Map(Exception exception) => exception switch
    {
        AlreadyExistsException exists => new ApiError(ApiErrorKind.AlreadyExists, "Ya existe.", exists.Message),
        PreconditionFailedException precondition => new ApiError(ApiErrorKind.FailedPrecondition, "No se puede en este momento.", precondition.Message)
        {
            PreconditionType = precondition.Type,
            Subject = precondition.Subject,
        },
        RosterUnavailableException roster => new ApiError(ApiErrorKind.Unavailable, "Padrón no disponible.", roster.Message)
        {
            RetryAfter = TimeSpan.FromSeconds(5),
        },
        _ => null,
    };
}
