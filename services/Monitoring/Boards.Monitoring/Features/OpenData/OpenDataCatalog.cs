using System.Text.Json.Nodes;
using Boards.Monitoring.Domain.OpenData;

namespace Boards.Monitoring.Features.OpenData;

/// <summary>
/// The catalog as JSON-LD, read by data portals (DCAT: dcat:Catalog, dcat:Dataset, dcat:Distribution) and by search
/// engines (schema.org: Dataset, DataDownload) alike: one dataset typed in both vocabularies, each property in both.
/// One distribution per month and format, plus the registry and the dictionary.
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

    public static JsonObject Build(OpenDataPublisher publisher, IReadOnlyList<OpenMonth> months)
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
        distributions.Add(Distribution(publisher.Link("municipios.json"), "Registro de municipios y meses publicados (JSON)", OpenDataFormat.Json));

        var publisherNode = new JsonObject
        {
            ["@type"] = new JsonArray("foaf:Organization", "schema:Organization"),
            ["foaf:name"] = "Ministerio de Desarrollo Social (MDS), Paraguay",
            ["schema:name"] = "Ministerio de Desarrollo Social (MDS), Paraguay",
        };
        var dataset = new JsonObject
        {
            ["@id"] = publisher.Link("#indicadores-municipales"),
            ["@type"] = new JsonArray("dcat:Dataset", "schema:Dataset"),
            ["dct:title"] = Title,
            ["schema:name"] = Title,
            ["dct:description"] = Description,
            ["schema:description"] = Description,
            ["dct:language"] = "es",
            ["schema:inLanguage"] = "es",
            ["dct:license"] = Id(OpenDataVocabulary.LicenseUrl),
            ["schema:license"] = Id(OpenDataVocabulary.LicenseUrl),
            ["dct:publisher"] = publisherNode,
            ["schema:creator"] = publisherNode.DeepClone(),
            ["dct:spatial"] = "Paraguay",
            ["schema:spatialCoverage"] = "Paraguay",
            ["dct:temporal"] = new JsonObject
            {
                ["@type"] = "dct:PeriodOfTime",
                ["dcat:startDate"] = months[0].FirstDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            },
            ["schema:temporalCoverage"] = $"{months[0].Label}/..",
            ["dct:accrualPeriodicity"] = Id("http://purl.org/cld/freq/monthly"),
            ["dcat:keyword"] = Keywords(),
            ["schema:keywords"] = Keywords(),
            ["dct:conformsTo"] = Id(publisher.Link("diccionario.json")),
            ["schema:isAccessibleForFree"] = true,
            ["dcat:distribution"] = distributions,
            ["schema:distribution"] = distributions.DeepClone(),
        };
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
            ["dct:publisher"] = publisherNode.DeepClone(),
            ["dcat:dataset"] = new JsonArray(dataset),
        };
    }

    private static JsonArray Keywords() => new("protección social", "referencias", "contrarreferencias", "municipios", "Paraguay", "mesas de protección social");

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
