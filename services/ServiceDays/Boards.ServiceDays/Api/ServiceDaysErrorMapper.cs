using Boards.BuildingBlocks.Errors;
using Boards.ServiceDays.Features.Common;

namespace Boards.ServiceDays.Api;

/// <summary>The service days' own errors, for REST problem details and gRPC statuses alike.</summary>
public sealed class ServiceDaysErrorMapper : IApiErrorMapper
{
    public ApiError? Map(Exception exception) => exception switch
    {
        AlreadyExistsException exists => new ApiError(ApiErrorKind.AlreadyExists, "Identificador reutilizado.", exists.Message),
        PreconditionFailedException precondition => new ApiError(ApiErrorKind.FailedPrecondition,
            precondition.Type == PreconditionTypes.Retention ? "Datos personales eliminados." : "Transición no permitida.", precondition.Message)
        {
            PreconditionType = precondition.Type,
            Subject = precondition.Subject,
            Extensions = new Dictionary<string, object?> { ["currentStatus"] = precondition.Subject },
        },
        _ => null,
    };
}
