namespace Boards.Monitoring.Features.Common;

/// <summary>What a person reads when monitoring says no. Spanish, as the users speak.</summary>
public static class MonitoringMessages
{
    public const string ForbiddenTitle = "Fuera de su alcance.";
    public const string NotFoundTitle = "Municipio no encontrado.";
    public const string InvalidTitle = "La solicitud tiene datos inválidos.";

    public const string CodeRequired = "Indique el código del municipio.";

    public const string RoleWithoutMonitoring =
        "Su rol no permite ver el monitoreo de municipios: lo ven el personal del ministerio y el punto focal de cada municipio.";

    public static string OnlyOwnMunicipality(string? own) =>
        $"Como punto focal solo puede ver el monitoreo de su municipio ({own}).";

    public static string UnknownMunicipality(string code) =>
        $"No hay un municipio registrado con el código '{code}' ni referencias enviadas desde él.";
}
