using System.Text.Json.Nodes;
using Boards.Monitoring.Domain.OpenData;

namespace Boards.Monitoring.Features.OpenData;

/// <summary>
/// The catalog as JSON-LD, read by data portals (DCAT: dcat:Catalog, dcat:Dataset, dcat:Distribution) and by search
/// engines (schema.org: Dataset, DataDownload) alike: each dataset typed in both vocabularies, each property in both.
/// Two datasets, because they have two periodicities: the monthly indicators (one distribution per month and format,
/// plus the registry) and the quarterly pulse (one per quarter and format).
/// </summary>
public static class OpenDataCatalog
{
    public const string ContentType = "application/ld+json; charset=utf-8";

    private const string Title = "Indicadores mensuales de las Mesas de Protección Social, por municipio";

    private const string Description =
        "Por municipio y mes: referencias enviadas y cerradas por categoría de necesidad, tasa de ciclo cerrado, medianas de días " +
        "para aceptar y para contrarreferir, jornadas de servicios y personas atendidas, representatividad de la mesa (padrón y " +
        "asistencia), avance del Plan de Acción Territorial y principales brechas entre necesidad y oferta. Datos anónimos: los " +
        "conteos menores que el umbral se ocultan, con supresión complementaria.";

    private const string PulseTitle = "Pulso de confianza y participación de las Mesas de Protección Social, por municipio y trimestre";

    private const string PulseDescription =
        "Por municipio y trimestre: índice de confianza y parte de una dotación que se pondría en un fondo común (del municipio y por " +
        "rango de edad), voz de los miembros en las sesiones, boletas impresas y tasa de respuesta, cada cifra con su número de " +
        "respuestas. Respuestas anónimas; las cifras con menos respuestas que el umbral se ocultan, con supresión complementaria.";

    public static JsonObject Build(OpenDataPublisher publisher, IReadOnlyList<OpenMonth> months, IReadOnlyList<OpenQuarter> quarters)
    {
        var distributions = new JsonArray();
        foreach (var month in months.Reverse())
        {
            foreach (var format in new[] { OpenDataFormat.Csv, OpenDataFormat.Json })
            {
                distributions.Add(Distribution(
                    publisher.Link($"meses/{month.Label}.{OpenDataFile.Extension(format)}"), $"Mes {month.Label} ({Name(format)})", format));
            }
        }

        distributions.Add(Distribution(publisher.Link("municipios.csv"), "Registro de municipios (CSV)", OpenDataFormat.Csv));
        distributions.Add(Distribution(publisher.Link("municipios.json"), "Registro de municipios, meses y trimestres publicados (JSON)", OpenDataFormat.Json));

        var monthly = Dataset(publisher, "#indicadores-municipales", Title, Description, months[0].FirstDay, $"{months[0].Label}/..",
            "http://purl.org/cld/freq/monthly", Keywords(), distributions);

        var pulseDistributions = new JsonArray();
        foreach (var quarter in quarters.Reverse())
        {
            foreach (var format in new[] { OpenDataFormat.Csv, OpenDataFormat.Json })
            {
                pulseDistributions.Add(Distribution(
                    publisher.Link($"pulso/{quarter.Label}.{OpenDataFile.Extension(format)}"), $"Trimestre {quarter.Label} ({Name(format)})", format));
            }
        }

        var pulse = Dataset(publisher, "#pulso-confianza-participacion", PulseTitle, PulseDescription, quarters[0].FirstDay, $"{quarters[0].Label}/..",
            "http://purl.org/cld/freq/quarterly", PulseKeywords(), pulseDistributions);
        return new JsonObject
        {
            ["@context"] = new JsonObject
            {
                ["dcat"] = "http://www.w3.org/ns/dcat#",
                ["dct"] = "http://purl.org/dc/terms/",
                ["foaf"] = "http://xmlns.com/foaf/0.1/",
                ["schema"] = "https://schema.org/",
            },
            ["@id"] = publisher.Link(""),
            ["@type"] = "dcat:Catalog",
            ["dct:title"] = "Datos abiertos de Boards",
            ["dct:description"] = "Datos abiertos, sin registro, de las Mesas de Protección Social del Sistema de Protección Social de Paraguay.",
            ["dct:language"] = "es",
            ["dct:license"] = Id(OpenDataVocabulary.LicenseUrl),
            ["dct:publisher"] = Publisher(),
            ["dcat:dataset"] = new JsonArray(monthly, pulse),
        };
    }

    private static JsonObject Publisher() => new()
    {
        ["@type"] = new JsonArray("foaf:Organization", "schema:Organization"),
        ["foaf:name"] = "Ministerio de Desarrollo Social (MDS), Paraguay",
        ["schema:name"] = "Ministerio de Desarrollo Social (MDS), Paraguay",
    };

    private static JsonObject Dataset(
        OpenDataPublisher publisher, string id, string title, string description, DateOnly start, string coverage, string periodicity,
        JsonArray keywords, JsonArray distributions) => new()
    {
        ["@id"] = publisher.Link(id),
        ["@type"] = new JsonArray("dcat:Dataset", "schema:Dataset"),
        ["dct:title"] = title,
        ["schema:name"] = title,
        ["dct:description"] = description,
        ["schema:description"] = description,
        ["dct:language"] = "es",
        ["schema:inLanguage"] = "es",
        ["dct:license"] = Id(OpenDataVocabulary.LicenseUrl),
        ["schema:license"] = Id(OpenDataVocabulary.LicenseUrl),
        ["dct:publisher"] = Publisher(),
        ["schema:creator"] = Publisher(),
        ["dct:spatial"] = "Paraguay",
        ["schema:spatialCoverage"] = "Paraguay",
        ["dct:temporal"] = new JsonObject
        {
            ["@type"] = "dct:PeriodOfTime",
            ["dcat:startDate"] = start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        },
        ["schema:temporalCoverage"] = coverage,
        ["dct:accrualPeriodicity"] = Id(periodicity),
        ["dcat:keyword"] = keywords,
        ["schema:keywords"] = keywords.DeepClone(),
        ["dct:conformsTo"] = Id(publisher.Link("diccionario.json")),
        ["schema:isAccessibleForFree"] = true,
        ["dcat:distribution"] = distributions,
        ["schema:distribution"] = distributions.DeepClone(),
    };

    private static JsonArray Keywords() => new("protección social", "referencias", "contrarreferencias", "municipios", "Paraguay", "mesas de protección social");

    private static JsonArray PulseKeywords() => new("confianza institucional", "participación", "juventud", "municipios", "Paraguay", "mesas de protección social");

    private static JsonObject Id(string iri) => new() { ["@id"] = iri };

    private static string Name(OpenDataFormat format) => format == OpenDataFormat.Csv ? "CSV" : "JSON";

    private static JsonObject Distribution(string url, string title, OpenDataFormat format)
    {
        var mediaType = format == OpenDataFormat.Csv ? "text/csv" : "application/json";
        return new JsonObject
        {
            ["@type"] = new JsonArray("dcat:Distribution", "schema:DataDownload"),
            ["dct:title"] = title,
            ["schema:name"] = title,
            ["dcat:downloadURL"] = Id(url),
            ["schema:contentUrl"] = url,
            ["dcat:mediaType"] = mediaType,
            ["schema:encodingFormat"] = mediaType,
            ["dct:license"] = Id(OpenDataVocabulary.LicenseUrl),
        };
    }
}
