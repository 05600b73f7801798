using Boards.Monitoring.Domain.EarlyWarnings;

namespace Boards.Monitoring.Features.Common;

/// <summary>REST shape of one early warning (camelCase JSON), as listed and as acknowledged.</summary>
public sealed record EarlyWarningResponse(
    Guid Id,
    string MunicipalityCode,
    string Rule,
    string RuleTitle,
    string Status,
    string Evidence,
    IReadOnlyDictionary<string, decimal> Figures,
    DateTimeOffset RaisedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    string? AcknowledgementNote,
    DateTimeOffset? ResolvedAt)
{
    public static EarlyWarningResponse From(EarlyWarning w) => new(
        w.Id, w.MunicipalityCode, w.Rule, w.RuleTitle, w.Status, w.Evidence, w.Figures, w.RaisedAt,
        w.AcknowledgedAt, w.AcknowledgedBy, w.AcknowledgementNote, w.ResolvedAt);
}
