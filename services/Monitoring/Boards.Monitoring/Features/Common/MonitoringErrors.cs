using Boards.BuildingBlocks.Errors;

namespace Boards.Monitoring.Features.Common;

/// <summary>
/// Monitoring's not-found refusals: the shared <see cref="NotFoundException"/>, with a title naming what was not found
/// ("Municipio no encontrado.", "Alerta no encontrada.") where other services say "No encontrado.".
/// </summary>
public static class MonitoringErrors
{
    public static NotFoundException UnknownMunicipality(string code) =>
        new(MonitoringMessages.UnknownMunicipality(code)) { Title = MonitoringMessages.NotFoundTitle };

    public static NotFoundException UnknownWarning(Guid id) =>
        new(MonitoringMessages.UnknownWarning(id)) { Title = MonitoringMessages.WarningNotFoundTitle };
}
