using Boards.Needs.Features.CastBallot;

namespace Boards.Needs.Api;

/// <summary>The needs service's own errors, for REST problem details and gRPC statuses alike.</summary>
public sealed class NeedsErrorMapper : IApiErrorMapper
{
    public ApiError? Map(Exception exception) => exception switch
    {
        RosterUnavailableException roster => ApiError.Unavailable("Padrón no disponible.", roster.Message),
        _ => null,
    };
}
