using Boards.BuildingBlocks.Api.Limits;

namespace Boards.ServiceDays.Features.SubmitServiceDayReport;

public sealed record SubmitReportCommand
{
    [MaxText(ServiceDaysLimits.ReportNotes)]
    public string? Notes { get; init; }
    /// <summary>The version of the day the caller reviewed (optional).</summary>
    public int? ExpectedVersion { get; init; }
}
