using Boards.BuildingBlocks.Errors;

namespace Boards.Monitoring.Features.Common;

/// <summary>
/// Monitoring's not-found refusals. They are the shared <see cref="NotFoundException"/>, with the title naming what was
/// not found ("Municipio no encontrado.", "Alerta no encontrada.") where other services say "No encontrado.";
/// Api/MonitoringErrorMapper reads the title back.
/// </summary>
public static class MonitoringErrors
{
    /// <summary>The key in <see cref="Exception.Data"/> that holds the problem's title.</summary>
    public const string TitleKey = "Boards.Monitoring.Title";

    public static NotFoundException UnknownMunicipality(string code) =>
        NotFound(MonitoringMessages.NotFoundTitle, MonitoringMessages.UnknownMunicipality(code));

    public static NotFoundException UnknownWarning(Guid id) =>
        NotFound(MonitoringMessages.WarningNotFoundTitle, MonitoringMessages.UnknownWarning(id));

    private static NotFoundException NotFound(string title, string message)
    {
        var exception = new NotFoundException(message);
        exception.Data[TitleKey] = title;
        return exception;
    }
}
