namespace Boards.Portal.Ministry;

// Monitoring's early warnings (GET /api/monitoring/warnings, POST /api/monitoring/warnings/{id}/acknowledge).

public sealed record EarlyWarningView(
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
    DateTimeOffset? ResolvedAt);

public sealed record AcknowledgeWarningRequest(string? Note);
