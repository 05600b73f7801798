using Boards.BuildingBlocks.Errors;
using Boards.Monitoring.Features.Common;

namespace Boards.Monitoring.Api;

/// <summary>
/// Monitoring's errors are the shared ones; only a not-found keeps the title that names what was not found
/// (<see cref="MonitoringErrors"/>). Everything else falls through to the shared mapper.
/// </summary>
public sealed class MonitoringErrorMapper : IApiErrorMapper
{
    public ApiError? Map(Exception exception) =>
        exception is NotFoundException notFound && notFound.Data[MonitoringErrors.TitleKey] is string title
            ? new ApiError(ApiErrorKind.NotFound, title, notFound.Message)
            : null;
}
