using Boards.BuildingBlocks.Errors;
using Boards.Planning.Features.Common;

namespace Boards.Planning.Api;

/// <summary>The planning service's own errors, for REST problem details and gRPC statuses alike.</summary>
public sealed class PlanningErrorMapper : IApiErrorMapper
{
    public ApiError? Map(Exception exception) => exception switch
    {
        AlreadyExistsException exists => new ApiError(ApiErrorKind.AlreadyExists, "Ya existe.", exists.Message),
        PreconditionFailedException precondition => new ApiError(ApiErrorKind.FailedPrecondition, "No se puede en este momento.", precondition.Message)
        {
            PreconditionType = precondition.Type,
            Subject = precondition.Subject,
            Extensions = new Dictionary<string, object?> { ["code"] = precondition.Type },
        },
        _ => null,
    };
}
