using Boards.BuildingBlocks.Api.Limits;

namespace Boards.ServiceDays.Features.CancelServiceDay;

/// <summary>The body of POST /api/service-days/{id}/cancel (the name is the OpenAPI schema's: keep it).</summary>
public sealed record CancelCommand
{
    [MaxText(ServiceDaysLimits.CancellationReason)]
    public string? Reason { get; init; }
}
