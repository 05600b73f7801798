using Boards.BuildingBlocks.Api.Limits;

namespace Boards.Monitoring.Features.AcknowledgeWarning;

/// <summary>
/// The body of an acknowledgement. The REST endpoint reads it by hand; the note's maximum, shown in the OpenAPI
/// document, is checked by <see cref="AcknowledgeWarningHandler"/>.
/// </summary>
public sealed record AcknowledgeWarningRequest([property: MaxText(MonitoringLimits.Note)] string? Note);
