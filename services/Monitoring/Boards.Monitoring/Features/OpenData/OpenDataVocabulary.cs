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

    public const string SlipsPrinted = "boletas_impresas";
    public const string ResponseRate = "tasa_respuesta";
    public const string TrustIndex = "indice_confianza";
    public const string Voice = "voz_miembros";
    public const string EndowmentShare = "dotacion_comun";

    /// <summary>The pulse's age bands as the files print them, from the codes Participation uses.</summary>
    public static string AgeBand(string band) => band switch
    {
        "15_29" => "15_29",
        "30_64" => "30_64",
        "65_plus" => "65_o_mas",
        _ => "no_indicado",
    };

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
        new(SlipsPrinted, "boletas", "Pulso (por trimestre): boletas con código impresas en el trimestre para responder el pulso de confianza y participación."),
        new(ResponseRate, "porcentaje de 0 a 100", "Pulso (por trimestre): respuestas con código ÷ boletas impresas en el trimestre, × 100. 'respuestas' son las respuestas con código (en línea o en papel); las respuestas en papel sin código no cuentan."),
        new(TrustIndex, "índice de 0 a 100", "Pulso (por trimestre): promedio de las preguntas de confianza (en la mesa, para las personas; en las demás instituciones, para los miembros de la mesa), cada respuesta de 1 a 5 llevada a 0–100 como (respuesta − 1) × 25. Del municipio y por rango de edad."),
        new(Voice, "índice de 0 a 100", "Pulso (por trimestre): promedio de '¿Pudo expresar su opinión en la sesión?' de los miembros de la mesa, de 1 a 5 llevado a 0–100 como (respuesta − 1) × 25."),
        new(EndowmentShare, "porcentaje de 0 a 100", "Pulso (por trimestre): parte promedio, de 0 a 100 %, de una dotación que la persona pondría en un fondo común que administra la municipalidad. Del municipio y por rango de edad."),
    ];

    /// <summary>The columns of every pulse file, in order (the JSON uses the same names).</summary>
    public static IReadOnlyList<Term> PulseColumns { get; } =
    [
        new("trimestre", "AAAA-Tn", "Trimestre calendario (T1 enero–marzo … T4 octubre–diciembre), en hora de Paraguay, en que se imprimió la boleta respondida. Es la fecha más fina del pulso."),
        new("municipio", "código", "Código estable del municipio (distrito) en el registro público."),
        new("municipio_nombre", "texto", "Nombre del municipio."),
        new("departamento", "texto", "Departamento al que pertenece el municipio."),
        new("indicador", "código", "Qué mide la cifra: uno de los indicadores del pulso de este diccionario."),
        new("rango_edad", "código", "Rango de edad al que se refiere la cifra (ver los rangos de edad). Vacío cuando la cifra es del municipio entero."),
        new("valor", "número", "La cifra, con punto decimal. Vacía cuando el estado no es 'publicado'."),
        new("respuestas", "respuestas", "Número de respuestas detrás de la cifra (n). Vacío cuando la cifra se oculta, y en las boletas impresas, que son un conteo."),
        new("estado", "código", $"'{Published}', '{Suppressed}' o '{NoData}' (ver los estados)."),
    ];

    /// <summary>The pulse's age bands, chosen when the slips are printed (never a birth date).</summary>
    public static IReadOnlyList<Term> AgeBands { get; } =
    [
        new(AgeBand("15_29"), "rango de edad", "De 15 a 29 años: la juventud."),
        new(AgeBand("30_64"), "rango de edad", "De 30 a 64 años."),
        new(AgeBand("65_plus"), "rango de edad", "65 años o más."),
        new(AgeBand("unknown"), "rango de edad", "No se indicó el rango de edad al imprimir la boleta."),
    ];

    public static IReadOnlyList<Term> Statuses { get; } =
    [
        new(Published, "estado", "La cifra se publica."),
        new(Suppressed, "estado", "La cifra se oculta para que nadie pueda ser identificado: es un conteo menor que el umbral, o permitiría recalcular uno (supresión complementaria)."),
        new(NoData, "estado", "No hay con qué calcularla: por ejemplo, una tasa sin referencias o una mesa nunca evaluada."),
    ];
}
