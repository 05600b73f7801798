namespace Boards.ServiceDays.Features.Common;

/// <summary>A day as a use case answers it: the day and its live figures (REST and gRPC map both).</summary>
public sealed record ServiceDayResult(ServiceDay Day, DayFigures Figures)
{
    public static async Task<ServiceDayResult> OfAsync(ServiceDaysDbContext db, ServiceDay day, CancellationToken ct) =>
        new(day, await DayFigures.ComputeAsync(db, day.Id, ct));
}
