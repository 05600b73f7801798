using System.Text.Json.Serialization;
using Boards.Monitoring.Domain.OpenData;

namespace Boards.Monitoring.Features.OpenData;

/// <summary>One published term: its stable identifier, its unit and what it means, in Spanish.</summary>
public sealed record Term(
    [property: JsonPropertyName("identificador")] string Id,
    [property: JsonPropertyName("unidad")] string Unit,
    [property: JsonPropertyName("descripcion")] string Description);

/// <summary>
/// Every identifier the open data prints (CSV columns, JSON names, indicators, statuses) with its Spanish description:
/// the data dictionary is this list, so a name cannot be printed without being described. Identifiers are stable within
/// /open/v1; a change to one is a new version (docs/open-data.md).
/// </summary>
public static class OpenDataVocabulary
{
    public const string Version = "v1";
    public const string LicenseUrl = "https://creativecommons.org/licenses/by/4.0/";
    public const string LicenseName = "Creative Commons Atribución 4.0 Internacional (CC BY 4.0)";
    public const string NoCategory = "sin_categoria";

    public const string Published = "publicado";
    public const string Suppressed = "suprimido";
    public const string NoData = "sin_datos";

    public const string Sent = "referencias_enviadas";
    public const string Closed = "referencias_cerradas";
    public const string ClosedLoopRate = "tasa_ciclo_cerrado";
    public const string MedianDaysToAccept = "mediana_dias_aceptacion";
    public const string MedianDaysToCounterReferral = "mediana_dias_contrarreferencia";
    public const string ServiceDaysHeld = "jornadas_realizadas";
    public const string PeopleServed = "personas_atendidas";
    public const string RosterRepresentativity = "representatividad_padron";
    public const string AttendanceRepresentativity = "representatividad_asistencia";
    public const string PlanProgress = "avance_pat";
    public const string GapRank = "brecha_puesto";
    public const string GapUnmetDemand = "brecha_demanda_insatisfecha";

    public static string Status(FigureStatus status) => status switch
    {
        FigureStatus.Published => Published,
        FigureStatus.Suppressed => Suppressed,
        _ => NoData,
    };

    /// <summary>The columns of every figures file, in order (the JSON uses the same names).</summary>
    public static IReadOnlyList<Term> Columns { get; } =
    [
        new("mes", "AAAA-MM", "Mes calendario, en hora de Paraguay. Es la fecha más fina que se publica."),
        new("municipio", "código", "Código estable del municipio (distrito) en el registro público."),
        new("municipio_nombre", "texto", "Nombre del municipio."),
        new("departamento", "texto", "Departamento al que pertenece el municipio."),
        new("indicador", "código", "Qué mide la cifra: uno de los indicadores de este diccionario."),
        new("categoria_necesidad", "código", $"Categoría de necesidad a la que se refiere la cifra. Vacía cuando la cifra es del municipio entero (el total). '{NoCategory}' agrupa las referencias enviadas sin categoría."),
        new("valor", "número", "La cifra, con punto decimal. Vacía cuando el estado no es 'publicado'."),
        new("estado", "código", $"'{Published}', '{Suppressed}' o '{NoData}' (ver los estados)."),
    ];

    public static IReadOnlyList<Term> Indicators { get; } =
    [
        new(Sent, "referencias", "Referencias enviadas en el mes desde el municipio (se cuentan en el municipio de origen), por categoría de necesidad y en total."),
        new(Closed, "referencias", "De las referencias enviadas en el mes, las que una contrarreferencia ya cerró (atendidas o no), por categoría y en total. Crece mientras se cierran: un mes se actualiza después de terminado."),
        new(ClosedLoopRate, "fracción de 0 a 1", "Referencias cerradas ÷ (referencias enviadas − canceladas), de las enviadas en el mes. Las rechazadas cuentan en el divisor: un rechazo es una respuesta, pero no cierra el ciclo."),
        new(MedianDaysToAccept, "días", "Mediana de los días entre el envío y la aceptación, de las referencias enviadas en el mes que ya fueron aceptadas."),
        new(MedianDaysToCounterReferral, "días", "Mediana de los días entre el envío y la contrarreferencia, de las referencias enviadas en el mes que ya fueron contrarreferidas."),
        new(ServiceDaysHeld, "jornadas", "Jornadas de servicios realizadas en el mes en el municipio."),
        new(PeopleServed, "personas", "Personas atendidas en las jornadas de servicios del mes, según sus informes de cierre."),
        new(RosterRepresentativity, "puntaje de 0 a 100", "Representatividad de la mesa sobre sus miembros activos con voto: la última evaluación hecha hasta el fin del mes."),
        new(AttendanceRepresentativity, "puntaje de 0 a 100", "La misma representatividad, ponderada por la asistencia a las últimas sesiones de la mesa: la última evaluación hasta el fin del mes."),
        new(PlanProgress, "porcentaje de 0 a 100", "Avance ponderado del Plan de Acción Territorial (PAT) vigente al fin del mes (el del año más reciente)."),
        new(GapRank, "puesto de 1 a 3", "Puesto de la categoría entre las mayores brechas entre necesidad y oferta del municipio (1 es la mayor), según el último análisis hasta el fin del mes."),
        new(GapUnmetDemand, "personas", "Demanda insatisfecha de la categoría en ese análisis."),
    ];

    public static IReadOnlyList<Term> Statuses { get; } =
    [
        new(Published, "estado", "La cifra se publica."),
        new(Suppressed, "estado", "La cifra se oculta para que nadie pueda ser identificado: es un conteo menor que el umbral, o permitiría recalcular uno (supresión complementaria)."),
        new(NoData, "estado", "No hay con qué calcularla: por ejemplo, una tasa sin referencias o una mesa nunca evaluada."),
    ];
}
