using Boards.Planning.Contracts.Events;

namespace Boards.Monitoring.Consumers;

public static class PlanMapping
{
    /// <summary>Code normalized, times in UTC. An approval without a municipality breaks the contract and faults.</summary>
    public static PlanApproval ToApproval(PlanApproved message) => new(
        Code(message.MunicipalityCode, $"PlanApproved {message.PlanId}"),
        message.PlanId,
        message.Year,
        message.Version,
        message.Progress,
        message.ActionCount,
        message.ApprovedAt.ToUniversalTime(),
        message.OccurredAt.ToUniversalTime());

    /// <summary>As <see cref="ToApproval"/>; the status is kept as sent (lower case), no figure depends on it.</summary>
    public static PlanActionChange ToChange(PlanActionProgressed message) => new(
        Code(message.MunicipalityCode, $"PlanActionProgressed {message.ActionId}"),
        message.PlanId,
        message.Year,
        message.ActionId,
        message.ActionVersion,
        (message.Status ?? "").Trim().ToLowerInvariant(),
        message.Progress,
        message.EndsOn,
        message.Overdue,
        new PlanFigures(message.Plan.Progress, message.Plan.ActionCount, message.Plan.OverdueActions, message.Plan.DoneActions),
        message.OccurredAt.ToUniversalTime());

    private static string Code(string? municipalityCode, string what)
    {
        var code = MunicipalityCodes.Normalize(municipalityCode);
        return code.Length > 0 ? code : throw new InvalidOperationException($"{what} arrived without a municipality code.");
    }
}
