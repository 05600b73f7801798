using Boards.Monitoring.Domain.OpenData;

namespace Boards.Monitoring.Features.OpenData;

/// <summary>What a person reads when the open data says no. Spanish.</summary>
public static class OpenDataMessages
{
    public const string NotFoundTitle = "No publicado.";

    public const string MonthMalformed = "El mes se escribe AAAA-MM, por ejemplo 2026-03.";

    public static string MonthInFuture(OpenMonth current) =>
        $"Ese mes todavía no empezó: el último mes publicado es {current.Label}.";

    public static string MonthTooEarly => $"El primer mes publicado es {OpenMonth.First.Label}.";

    public const string QuarterMalformed = "El trimestre se escribe AAAA-Tn, de T1 (enero a marzo) a T4 (octubre a diciembre), por ejemplo 2026-T1.";

    public static string QuarterInFuture(OpenQuarter current) =>
        $"Ese trimestre todavía no empezó: el último trimestre publicado es {current.Label}.";

    public static string QuarterTooEarly => $"El primer trimestre publicado es {OpenQuarter.First.Label}.";

    public static readonly string CodeTooLong = $"El código de municipio tiene como máximo {MonitoringLimits.Code} caracteres.";

    public const string UnknownMunicipality =
        "No hay un municipio con ese código en el registro público. La lista está en /open/v1/municipios.json.";

    public const string UnknownFile =
        "No se publica ese archivo. Los datos se publican en .csv y .json: vea /open/v1/municipios.json y /open/v1/diccionario.json.";
}
