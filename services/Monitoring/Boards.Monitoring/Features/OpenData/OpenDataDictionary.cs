using System.Text.Json.Serialization;

namespace Boards.Monitoring.Features.OpenData;

/// <summary>The data dictionary: every identifier the files print, what it means, and the rules that withhold figures.</summary>
public sealed record DictionaryDocument(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("licencia")] string License,
    [property: JsonPropertyName("umbral_supresion")] int Threshold,
    [property: JsonPropertyName("reglas")] IReadOnlyList<string> Rules,
    [property: JsonPropertyName("columnas")] IReadOnlyList<Term> Columns,
    [property: JsonPropertyName("indicadores")] IReadOnlyList<Term> Indicators,
    [property: JsonPropertyName("estados")] IReadOnlyList<Term> Statuses,
    [property: JsonPropertyName("columnas_pulso")] IReadOnlyList<Term> PulseColumns,
    [property: JsonPropertyName("rangos_edad")] IReadOnlyList<Term> AgeBands)
{
    public static DictionaryDocument Of(int threshold) => new(
        OpenDataVocabulary.Version,
        OpenDataVocabulary.LicenseUrl,
        threshold,
        [
            "No se publica ninguna clave de persona, ningún texto libre ni ninguna fecha más fina que el mes.",
            $"Todo conteo de 1 a {threshold - 1} se oculta (umbral {threshold}). El cero se publica: no identifica a nadie.",
            "Las referencias de un mes forman una tabla: categorías por cerradas y no cerradas, con sus totales. Una categoría con un conteo chico se oculta entera, y se ocultan más categorías (las menores primero) hasta que nada oculto pueda recalcularse desde los totales publicados.",
            "Si el total de referencias enviadas es chico se oculta todo el mes; si lo es el de cerradas o el de no cerradas, se oculta la columna de cerradas con su tasa.",
            "La tasa de ciclo cerrado se oculta cuando permitiría recalcular un conteo chico de referencias canceladas.",
            $"Las medianas se publican solo sobre {threshold} referencias o más.",
            "Las cifras de un mes se revisan mientras sus referencias se cierran; el mes en curso es provisional.",
            "El pulso de confianza y participación se publica por trimestre (AAAA-Tn), nunca por mes ni por día, y sin texto libre. Cada promedio va con su número de respuestas.",
            $"Pulso: un promedio con menos de {threshold} respuestas se oculta con su número de respuestas. Si el del municipio entero es chico, se ocultan también sus cuatro rangos de edad.",
            "Pulso: los rangos de edad suman el municipio entero, así que cuando se oculta un rango se ocultan más (los de menos respuestas primero) hasta que lo oculto no pueda recalcularse restando: al menos dos rangos, con respuestas suficientes, y sin que todas sus respuestas estén en un mismo extremo de la escala. Si no se puede, se oculta también el municipio entero.",
            "Pulso: la tasa de respuesta se publica solo si las boletas impresas y las respuestas con código llegan al umbral (o son cero). No se publican totales por departamento ni nacionales del pulso.",
        ],
        OpenDataVocabulary.Columns,
        OpenDataVocabulary.Indicators,
        OpenDataVocabulary.Statuses,
        OpenDataVocabulary.PulseColumns,
        OpenDataVocabulary.AgeBands);
}
