using Boards.BuildingBlocks.Errors;
using Boards.Monitoring.Features.OpenData;
using Microsoft.Extensions.Options;

namespace Boards.Monitoring.Api.Rest;

/// <summary>
/// The open data, /open/v1/… (docs/open-data.md): GET and HEAD, WITHOUT a token — the only routes of Monitoring that
/// allow anonymous callers, and the gateway names them as its one exception. Everything they print went through
/// <see cref="Domain.OpenData.PublishedMonth.From"/>. Bad input is a Spanish problem details 400 or 404.
/// </summary>
public static class OpenDataEndpoints
{
    public const string Prefix = "/open/v1";

    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapOpenDataEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix).WithTags("Datos abiertos").AllowAnonymous();

        group.MapMethods("/", Methods, CatalogAsync)
            .WithName("OpenDataCatalog")
            .WithSummary("Catálogo de datos abiertos (DCAT y schema.org, JSON-LD)");
        group.MapMethods("/catalogo.jsonld", Methods, CatalogAsync)
            .WithName("OpenDataCatalogFile")
            .WithSummary("Catálogo de datos abiertos (DCAT y schema.org, JSON-LD)");
        group.MapMethods("/diccionario.{format}", Methods, Dictionary)
            .WithName("OpenDataDictionary")
            .WithSummary("Diccionario de datos: columnas, indicadores, estados y reglas de supresión (json o csv)");
        group.MapMethods("/municipios.{format}", Methods, IndexAsync)
            .WithName("OpenDataIndex")
            .WithSummary("Registro público de municipios y meses publicados (json o csv)");
        group.MapMethods("/meses/{file}", Methods, MonthAsync)
            .WithName("OpenDataMonth")
            .WithSummary("Cifras de un mes de todos los municipios: /meses/AAAA-MM.csv o .json")
            .ProducesValidationProblem();
        group.MapMethods("/municipios/{code}/{file}", Methods, MunicipalityMonthAsync)
            .WithName("OpenDataMunicipalityMonth")
            .WithSummary("Cifras de un mes de un municipio: /municipios/{código}/AAAA-MM.csv o .json")
            .ProducesValidationProblem();
        group.MapMethods("/pulso/{file}", Methods, PulseAsync)
            .WithName("OpenDataPulseQuarter")
            .WithSummary("Pulso de confianza y participación de un trimestre, todos los municipios: /pulso/AAAA-Tn.csv o .json")
            .ProducesValidationProblem();
        group.MapMethods("/municipios/{code}/pulso/{file}", Methods, MunicipalityPulseAsync)
            .WithName("OpenDataMunicipalityPulseQuarter")
            .WithSummary("Pulso de confianza y participación de un trimestre, un municipio: /municipios/{código}/pulso/AAAA-Tn.csv o .json")
            .ProducesValidationProblem();
        // Anything else under the prefix is a Spanish 404, not an empty one.
        group.MapMethods("/{**rest}", Methods, IResult (string? rest) => throw Unknown()).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> CatalogAsync(OpenDataPublisher publisher, IOptions<OpenDataOptions> options, CancellationToken ct)
    {
        var catalog = OpenDataCatalog.Build(publisher, await publisher.MonthsAsync(ct), await publisher.QuartersAsync(ct));
        return new OpenDataResult(OpenDataFormats.ToJson(catalog), OpenDataCatalog.ContentType, options.Value.MaxAgeSeconds);
    }

    private static IResult Dictionary(string format, OpenDataPublisher publisher, IOptions<OpenDataOptions> options)
    {
        var file = OpenDataFile.Parse("diccionario." + format) ?? throw Unknown();
        var dictionary = DictionaryDocument.Of(publisher.Threshold);
        var body = file.Format == OpenDataFormat.Csv ? OpenDataFormats.ToCsv(dictionary) : OpenDataFormats.ToJson(dictionary);
        return File(body, file, "diccionario-datos-abiertos", options);
    }

    private static async Task<IResult> IndexAsync(string format, OpenDataPublisher publisher, IOptions<OpenDataOptions> options, CancellationToken ct)
    {
        var file = OpenDataFile.Parse("municipios." + format) ?? throw Unknown();
        var index = await publisher.IndexAsync(ct);
        var body = file.Format == OpenDataFormat.Csv ? OpenDataFormats.ToCsv(index) : OpenDataFormats.ToJson(index);
        return File(body, file, "municipios", options);
    }

    private static async Task<IResult> MonthAsync(string file, OpenDataPublisher publisher, IOptions<OpenDataOptions> options, CancellationToken ct)
    {
        var requested = OpenDataFile.Parse(file) ?? throw Unknown();
        var month = await publisher.MonthAsync(requested.Name, null, ct);
        return File(Format(month, requested.Format), requested, $"boards-{month.Month}", options);
    }

    private static async Task<IResult> MunicipalityMonthAsync(
        string code, string file, OpenDataPublisher publisher, IOptions<OpenDataOptions> options, CancellationToken ct)
    {
        var requested = OpenDataFile.Parse(file) ?? throw Unknown();
        var month = await publisher.MonthAsync(requested.Name, code, ct);
        return File(Format(month, requested.Format), requested, $"boards-{month.Municipalities[0].Code}-{month.Month}", options);
    }

    private static async Task<IResult> PulseAsync(string file, OpenDataPublisher publisher, IOptions<OpenDataOptions> options, CancellationToken ct)
    {
        var requested = OpenDataFile.Parse(file) ?? throw Unknown();
        var quarter = await publisher.PulseAsync(requested.Name, null, ct);
        return File(Format(quarter, requested.Format), requested, $"boards-pulso-{quarter.Quarter}", options);
    }

    private static async Task<IResult> MunicipalityPulseAsync(
        string code, string file, OpenDataPublisher publisher, IOptions<OpenDataOptions> options, CancellationToken ct)
    {
        var requested = OpenDataFile.Parse(file) ?? throw Unknown();
        var quarter = await publisher.PulseAsync(requested.Name, code, ct);
        return File(Format(quarter, requested.Format), requested, $"boards-pulso-{quarter.Municipalities[0].Code}-{quarter.Quarter}", options);
    }

    private static byte[] Format(PulseQuarterDocument quarter, OpenDataFormat format) =>
        format == OpenDataFormat.Csv ? OpenDataFormats.ToCsv(quarter) : OpenDataFormats.ToJson(quarter);

    private static byte[] Format(MonthDocument month, OpenDataFormat format) =>
        format == OpenDataFormat.Csv ? OpenDataFormats.ToCsv(month) : OpenDataFormats.ToJson(month);

    private static OpenDataResult File(byte[] body, OpenDataFile file, string name, IOptions<OpenDataOptions> options) =>
        new(body, OpenDataFile.ContentType(file.Format), options.Value.MaxAgeSeconds, $"{name}.{OpenDataFile.Extension(file.Format)}");

    private static NotFoundException Unknown() =>
        new(OpenDataMessages.UnknownFile) { Title = OpenDataMessages.NotFoundTitle };
}
