namespace Boards.Monitoring.Features.Common;

/// <summary>What a person reads when monitoring says no. Spanish, as the users speak.</summary>
public static class MonitoringMessages
{
    public const string NotFoundTitle = "Municipio no encontrado.";

    public const string CodeRequired = "Indique el código del municipio.";

    public const string RoleWithoutMonitoring =
        "Su rol no permite ver el monitoreo de municipios: lo ven el personal del ministerio y el punto focal de cada municipio.";

    public static string OnlyOwnMunicipality(string? own) =>
        $"Como punto focal solo puede ver el monitoreo de su municipio ({own}).";

    public static string UnknownMunicipality(string code) =>
        $"No hay un municipio registrado con el código '{code}' ni referencias enviadas desde él.";

    public const string WarningNotFoundTitle = "Alerta no encontrada.";
    public const string WarningConflictTitle = "La alerta no admite esta acción.";

    public const string StatusInvalid = "El estado debe ser 'active', 'acknowledged' o 'resolved'.";
    public const string NoteRequired = "Escriba una nota que explique qué se hará con la alerta.";
    public static readonly string NoteTooLong = $"La nota no puede superar los {Domain.MonitoringLimits.Note} caracteres.";
    public const string BodyInvalid = "El cuerpo debe ser un objeto JSON con el campo 'note'.";

    public const string OnlyMinistryAcknowledges =
        "Solo el personal del ministerio (analista o administrador) puede dar por vista una alerta temprana.";

    public static string OnlyOwnWarnings(string? own) =>
        $"Como punto focal solo puede ver las alertas de su municipio ({own}).";

    public static string UnknownWarning(Guid id) => $"No hay una alerta temprana con el identificador {id}.";

    public const string WarningResolved = "La alerta ya se resolvió: la condición dejó de cumplirse.";
    public const string WarningAlreadyAcknowledged = "La alerta ya fue dada por vista.";
}
