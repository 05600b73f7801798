using System.Net.Http.Headers;
using System.Text;
using Boards.BuildingBlocks.Import;
using Boards.BuildingBlocks.Errors;
using Boards.Needs.Features.Common;
using Boards.Needs.Features.ImportNeeds;
using Boards.ServiceDefaults.Authentication;

namespace Boards.Needs.Tests.Integration;

/// <summary>
/// The CSV imports over HTTP with real tokens, PostgreSQL and RabbitMQ: a good file writes everything in one
/// transaction (and ServiceOfferChanged reaches the bus), a bad one writes nothing and reports every error.
/// </summary>
public sealed class ImportTests(NeedsHost host) : IClassFixture<NeedsHost>
{
    private const string CatalogHeader = "codigo,nombre,programa,institucion,categorias,resumen_elegibilidad,canal,capacidad_mensual,estado_capacidad,banda_espera";
    private const string NeedsHeader = "categoria,localidad,grupo_poblacional,personas_afectadas,severidad,fuente_evidencia,notas";

    private static string Services(string municipality) => $"/api/offer/{municipality}/services";

    private static string CatalogImport(string municipality) => $"/api/offer/{municipality}/services/import";

    private static string NeedsImport(Guid round) => $"{Rounds.Path}/{round}/needs/import";

    [Fact]
    public async Task A_good_catalog_file_creates_and_replaces_services_with_versions_and_events()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var focal = host.Client(host.FocalPoint(municipality));
        await (await focal.PostJsonAsync(Services(municipality), Http.Service("tekopora"))).JsonAsync(HttpStatusCode.Created);
        var csv = Lines(
            CatalogHeader,
            "tekopora,Tekoporã,Tekoporã,mds,food_security|education,Hogares en pobreza extrema.,visita_domiciliaria,40,lista_de_espera,de_1_a_3_meses",
            "usf-centro,USF Centro,Unidad de Salud de la Familia,mspbs,health,Toda la población del barrio.,unidad_de_salud,,disponible,",
            "pension-adultos-mayores,Pensión Alimentaria,Pensión Alimentaria para Adultos Mayores,mds,social_security,Personas mayores de 65 años en pobreza.,office,120,full,");

        var summary = await (await PostCsvAsync(focal, CatalogImport(municipality), csv)).JsonAsync(HttpStatusCode.OK);
        var catalog = await (await focal.GetAsync(Services(municipality))).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(3, summary.GetProperty("rows").GetInt32());
        Assert.Equal(2, summary.GetProperty("created").GetInt32());
        Assert.Equal(1, summary.GetProperty("updated").GetInt32());
        Assert.Equal(
            [(2, "tekopora", "updated", 2), (3, "usf-centro", "created", 1), (4, "pension-adultos-mayores", "created", 1)],
            summary.GetProperty("services").EnumerateArray().Select(s => (
                s.GetProperty("line").GetInt32(), s.GetProperty("code").GetString()!, s.GetProperty("outcome").GetString()!, s.GetProperty("version").GetInt32())));
        var byCode = catalog.EnumerateArray().ToDictionary(s => s.GetProperty("code").GetString()!);
        Assert.Equal(["pension-adultos-mayores", "tekopora", "usf-centro"], byCode.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, byCode["tekopora"].GetProperty("version").GetInt32());
        Assert.Equal("waitlist", byCode["tekopora"].GetProperty("capacityStatus").GetString());
        Assert.Equal("one_to_3_months", byCode["tekopora"].GetProperty("waitlistBand").GetString());
        Assert.Equal("health_unit", byCode["usf-centro"].GetProperty("channel").GetString());
        Assert.Equal(JsonValueKind.Null, byCode["usf-centro"].GetProperty("monthlyCapacity").ValueKind);
        Assert.Equal("full", byCode["pension-adultos-mayores"].GetProperty("capacityStatus").GetString());

        await NeedsHost.WaitUntilAsync(() => Task.FromResult(
            host.OfferChanges.Any(e => e.MunicipalityCode == municipality && e.ServiceCode == "tekopora" && e.Version == 2 && e.CapacityStatus == "waitlist")
            && host.OfferChanges.Any(e => e.MunicipalityCode == municipality && e.ServiceCode == "usf-centro" && e.Version == 1)
            && host.OfferChanges.Any(e => e.MunicipalityCode == municipality && e.ServiceCode == "pension-adultos-mayores" && e.Version == 1)),
            "ServiceOfferChanged for the three imported services");

        // The same file again changes nothing: no new versions.
        var again = await (await PostCsvAsync(focal, CatalogImport(municipality), csv)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((0, 0, 3), (again.GetProperty("created").GetInt32(), again.GetProperty("updated").GetInt32(), again.GetProperty("unchanged").GetInt32()));
        var after = await (await focal.GetAsync($"{Services(municipality)}/tekopora")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, after.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_bad_catalog_file_reports_every_error_with_line_and_column_and_leaves_the_catalog_as_it_was()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var admin = host.Client(host.Admin());
        await (await admin.PostJsonAsync(Services(municipality), Http.Service("tekopora"))).JsonAsync(HttpStatusCode.Created);
        var before = await (await admin.GetAsync(Services(municipality))).JsonAsync(HttpStatusCode.OK);
        var csv = Lines(
            CatalogHeader,
            "tekopora,Tekoporã,Tekoporã,mds,food_security,Hogares en pobreza extrema.,home_visit,40,full,",
            "nuevo,Nuevo,Programa,mds,health,Todos.,carta,10,available,",
            "Mal Código,Otro,Programa,inventada,health,Todos.,office,,available,",
            ",,Programa,mds,astrologia,Todos.,office,muchos,waitlist,",
            "tekopora,Tekoporã otra vez,Tekoporã,mds,food_security,Hogares.,office,,available,");

        var problem = await (await PostCsvAsync(admin, CatalogImport(municipality), csv)).JsonAsync(HttpStatusCode.BadRequest);
        var after = await (await admin.GetAsync(Services(municipality))).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(
            [
                (3, "canal"),
                (4, "codigo"), (4, "institucion"),
                (5, "banda_espera"), (5, "capacidad_mensual"), (5, "categorias"), (5, "codigo"), (5, "nombre"),
                (6, "codigo"),
            ],
            Errors(problem).Select(e => (e.Line, e.Column!)).OrderBy(e => e.Item1).ThenBy(e => e.Item2, StringComparer.Ordinal));
        Assert.Equal("El archivo tiene 9 errores.", problem.GetProperty("title").GetString());
        Assert.StartsWith("No se importó ningún servicio", problem.GetProperty("detail").GetString());
        Assert.Contains(Errors(problem), e => e.Line == 3 && e.Message.Contains("'carta'") && e.Message.Contains("visita_domiciliaria"));
        Assert.Contains(Errors(problem), e => e.Line == 6 && e.Message.Contains("línea 2"));
        Assert.Contains(Errors(problem), e => e.Line == 5 && e.Column == "capacidad_mensual" && e.Message.Contains("'muchos'"));
        Assert.Equal(before.GetRawText(), after.GetRawText());
    }

    [Fact]
    public async Task Spanish_words_a_semicolon_separator_a_bom_accented_headers_and_category_names_are_accepted()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var focal = host.Client(host.FocalPoint(municipality));
        var csv = Lines(
            "Código;Nombre;Programa;Institución;Categorías;Resumen elegibilidad;Canal;Capacidad mensual;Estado capacidad;Banda espera",
            "jornada-salud;Jornada de salud;\"Jornadas \"\"Salud para todos\"\"\";MSPBS;Salud|Seguridad alimentaria;Toda la población; con prioridad a personas mayores.;Jornada de Servicios;1.200;Lista de espera;Más de 3 meses",
            "usf-norte;USF Norte;USF;mspbs;health;Barrio Norte.;Unidad de Salud;;SIN CUPO;");

        var summary = await (await PostCsvAsync(focal, CatalogImport(municipality), csv, bom: true)).JsonAsync(HttpStatusCode.BadRequest);
        // The unquoted ';' inside the eligibility summary is one field too many: reported, nothing written.
        Assert.Contains(Errors(summary), e => e.Line == 2 && e.Column is null);

        csv = csv.Replace("Toda la población; con", "\"Toda la población; con", StringComparison.Ordinal)
            .Replace("personas mayores.;", "personas mayores.\";", StringComparison.Ordinal);
        var ok = await (await PostCsvAsync(focal, CatalogImport(municipality), csv, bom: true)).JsonAsync(HttpStatusCode.OK);
        var jornada = await (await focal.GetAsync($"{Services(municipality)}/jornada-salud")).JsonAsync(HttpStatusCode.OK);
        var usf = await (await focal.GetAsync($"{Services(municipality)}/usf-norte")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(2, ok.GetProperty("created").GetInt32());
        Assert.Equal("Jornadas \"Salud para todos\"", jornada.GetProperty("program").GetString());
        Assert.Equal("mspbs", jornada.GetProperty("institutionCode").GetString());
        Assert.Equal(["health", "food_security"], jornada.GetProperty("categories").EnumerateArray().Select(c => c.GetString()!));
        Assert.Equal("Toda la población; con prioridad a personas mayores.", jornada.GetProperty("eligibilitySummary").GetString());
        Assert.Equal("service_day", jornada.GetProperty("channel").GetString());
        Assert.Equal(1200, jornada.GetProperty("monthlyCapacity").GetInt32());
        Assert.Equal("waitlist", jornada.GetProperty("capacityStatus").GetString());
        Assert.Equal("over_3_months", jornada.GetProperty("waitlistBand").GetString());
        Assert.Equal("full", usf.GetProperty("capacityStatus").GetString());
    }

    [Fact]
    public async Task A_catalog_file_can_be_sent_as_a_form_upload()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var admin = host.Client(host.Admin());
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(Lines(CatalogHeader, "usf,USF,USF,mspbs,health,Todos.,health_unit,,available,")));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "oferta.csv");

        var summary = await (await admin.PostAsync(CatalogImport(municipality), form)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(1, summary.GetProperty("created").GetInt32());
    }

    [Fact]
    public async Task A_good_needs_file_appends_needs_in_file_order_and_raises_the_round_version_once()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var focal = host.Client(host.FocalPoint(municipality));
        var round = (await Rounds.OpenAsync(focal, municipality)).GetProperty("id").GetGuid();
        var first = await Rounds.AddNeedAsync(focal, round, Rounds.Need("housing", 30, 4));
        var csv = Lines(
            NeedsHeader,
            "food_security,Compañía San Isidro,Niñez,120,5,Encuesta,Relevamiento casa por casa.",
            "Salud,Colonia 7,pueblos indígenas,45,4,sesión de la mesa,",
            "water_sanitation,Barrio Centro,women_heads_of_household,30,3,jornada_de_servicios,\"Agua turbia; pozos sin tapa\"",
            "education,Barrio Norte,Personas con discapacidad,12,2,Estadísticas de referencias,");

        var summary = await (await PostCsvAsync(focal, NeedsImport(round), csv)).JsonAsync(HttpStatusCode.OK);
        var read = await Rounds.GetAsync(focal, round);

        Assert.Equal(4, summary.GetProperty("added").GetInt32());
        Assert.Equal(3, summary.GetProperty("roundVersion").GetInt32()); // 1 opened, 2 one need, 3 the import
        Assert.Equal([2, 3, 4, 5], summary.GetProperty("needs").EnumerateArray().Select(n => n.GetProperty("number").GetInt32()));
        Assert.Equal([2, 3, 4, 5], summary.GetProperty("needs").EnumerateArray().Select(n => n.GetProperty("line").GetInt32()));
        Assert.Equal(3, read.GetProperty("version").GetInt32());
        var needs = read.GetProperty("needs").EnumerateArray().ToList();
        Assert.Equal(first, needs[0].GetProperty("id").GetGuid());
        Assert.Equal(
            [
                (1, "housing", "women_heads_of_household", "board_session"),
                (2, "food_security", "children", "survey"),
                (3, "health", "indigenous", "board_session"),
                (4, "water_sanitation", "women_heads_of_household", "service_day"),
                (5, "education", "persons_with_disability", "referral_statistics"),
            ],
            needs.Select(n => (n.GetProperty("number").GetInt32(), n.GetProperty("category").GetString()!,
                n.GetProperty("populationGroup").GetString()!, n.GetProperty("evidenceSource").GetString()!)));
        Assert.Equal("Agua turbia; pozos sin tapa", needs[3].GetProperty("evidenceNotes").GetString());
        Assert.Equal(JsonValueKind.Null, needs[2].GetProperty("evidenceNotes").ValueKind);
        Assert.Equal(summary.GetProperty("needs")[0].GetProperty("id").GetGuid(), needs[1].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_bad_needs_file_reports_every_error_and_writes_nothing()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var focal = host.Client(host.FocalPoint(municipality));
        var round = (await Rounds.OpenAsync(focal, municipality)).GetProperty("id").GetGuid();
        await Rounds.AddNeedAsync(focal, round, Rounds.Need("housing", 30, 4));
        var before = await Rounds.GetAsync(focal, round);
        var csv = Lines(
            NeedsHeader,
            "food_security,Compañía San Isidro,niñez,120,5,encuesta,",
            "astrologia,,jubilados,0,9,rumor,",
            "health,Colonia 7,adolescencia,cuarenta,3,encuesta,",
            "health,Colonia 8,adolescencia,40,3,encuesta,");

        var problem = await (await PostCsvAsync(focal, NeedsImport(round), csv)).JsonAsync(HttpStatusCode.BadRequest);
        var after = await Rounds.GetAsync(focal, round);

        Assert.Equal(
            [(3, "categoria"), (3, "fuente_evidencia"), (3, "grupo_poblacional"), (3, "localidad"), (3, "personas_afectadas"), (3, "severidad"), (4, "personas_afectadas")],
            Errors(problem).Select(e => (e.Line, e.Column!)).OrderBy(e => e.Item1).ThenBy(e => e.Item2, StringComparer.Ordinal));
        Assert.StartsWith("No se importó ninguna necesidad", problem.GetProperty("detail").GetString());
        Assert.Contains(Errors(problem), e => e.Column == "grupo_poblacional" && e.Message.Contains("'jubilados'") && e.Message.Contains("ninez"));
        Assert.Equal(before.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
        Assert.Equal(1, after.GetProperty("needs").GetArrayLength());
    }

    [Fact]
    public async Task Header_problems_are_reported_once_and_empty_files_are_400()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var focal = host.Client(host.FocalPoint(municipality));
        var round = (await Rounds.OpenAsync(focal, municipality)).GetProperty("id").GetGuid();

        var header = await (await PostCsvAsync(focal, NeedsImport(round), Lines(
            "categoria,localidad,grupo,personas_afectadas,color,fuente_evidencia",
            "health,Centro,ninez,3,rojo,encuesta",
            "health,Centro,ninez,3,azul,encuesta"))).JsonAsync(HttpStatusCode.BadRequest);
        var empty = await (await PostCsvAsync(focal, NeedsImport(round), "")).JsonAsync(HttpStatusCode.BadRequest);
        var onlyHeader = await (await PostCsvAsync(focal, CatalogImport(municipality), Lines(CatalogHeader))).JsonAsync(HttpStatusCode.BadRequest);
        var json = await focal.PostJsonAsync(NeedsImport(round), new { category = "health" });

        Assert.Equal([(1, "color"), (1, "severidad")], Errors(header).Select(e => (e.Line, e.Column!)));
        Assert.Equal("Falta el archivo.", empty.GetProperty("title").GetString());
        Assert.Contains("no tiene filas de servicios", Assert.Single(Errors(onlyHeader)).Message);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
    }

    [Fact]
    public async Task More_rows_than_the_limit_are_refused_whole()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var admin = host.Client(host.Admin());
        var rows = Enumerable.Range(1, 2001).Select(i => $"s-{i},Servicio {i},Programa,mds,health,Todos.,office,,available,");

        var problem = await (await PostCsvAsync(admin, CatalogImport(municipality), Lines([CatalogHeader, .. rows]))).JsonAsync(HttpStatusCode.BadRequest);
        var catalog = await (await admin.GetAsync(Services(municipality))).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("El archivo tiene demasiadas filas.", problem.GetProperty("title").GetString());
        Assert.Equal(0, catalog.GetArrayLength());
    }

    [Fact]
    public async Task A_closed_round_is_409_and_a_stale_expected_version_is_409_without_writing()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var focal = host.Client(host.FocalPoint(municipality));
        var csv = Lines(NeedsHeader, "health,Centro,ninez,3,2,encuesta,");
        var round = (await Rounds.OpenAsync(focal, municipality)).GetProperty("id").GetGuid();
        var need = await Rounds.AddNeedAsync(focal, round, Rounds.Need("food_security", 12, 4));

        var stale = await (await PostCsvAsync(focal, $"{NeedsImport(round)}?expectedVersion=1", csv)).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, (await Rounds.GetAsync(focal, round)).GetProperty("needs").GetArrayLength());

        await Rounds.CastAsync(focal, round, host.Voter(municipality), "Ana", need);
        await (await focal.PostJsonAsync($"{Rounds.Path}/{round}/close", new { expectedVersion = 3 })).JsonAsync(HttpStatusCode.OK);
        var closed = await (await PostCsvAsync(focal, NeedsImport(round), csv)).JsonAsync(HttpStatusCode.Conflict);

        Assert.Contains("versión 2", stale.GetProperty("detail").GetString());
        Assert.Contains("cerrada", closed.GetProperty("detail").GetString());
        Assert.Equal(1, (await Rounds.GetAsync(focal, round)).GetProperty("needs").GetArrayLength());
    }

    [Fact]
    public async Task A_round_changed_between_reading_and_saving_is_a_409_and_the_import_writes_nothing()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var focal = host.Client(host.FocalPoint(municipality));
        var round = (await Rounds.OpenAsync(focal, municipality)).GetProperty("id").GetGuid();
        var table = UploadedCsv.Parse(Lines(NeedsHeader, "health,Centro,ninez,3,2,encuesta,"), ImportLimits.MaxRows);
        var caller = new Caller("sub", "Punto focal", new HashSet<string>([BoardsRoles.FocalPoint], StringComparer.Ordinal), municipality, null);

        var conflict = await host.InScopeAsync(async services =>
        {
            // This context reads the round at version 1 and keeps that copy; meanwhile someone records a need (version 2).
            var db = services.GetRequiredService<NeedsDbContext>();
            await db.Rounds.FirstAsync(r => r.Id == round);
            await Rounds.AddNeedAsync(focal, round, Rounds.Need("housing", 30, 4));
            return await Record.ExceptionAsync(() => services.GetRequiredService<NeedImporter>().ImportAsync(round, null, table, caller, default));
        });
        var after = await Rounds.GetAsync(focal, round);

        Assert.IsType<ConcurrencyConflictException>(conflict);
        Assert.Equal(2, after.GetProperty("version").GetInt32());
        Assert.Equal(["housing"], after.GetProperty("needs").EnumerateArray().Select(n => n.GetProperty("category").GetString()!));
    }

    [Fact]
    public async Task Other_municipalities_focal_points_and_read_only_roles_get_403_and_no_token_401()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var owner = host.Client(host.FocalPoint(municipality));
        var round = (await Rounds.OpenAsync(owner, municipality)).GetProperty("id").GetGuid();
        var catalogCsv = Lines(CatalogHeader, "usf,USF,USF,mspbs,health,Todos.,health_unit,,available,");
        var needsCsv = Lines(NeedsHeader, "health,Centro,ninez,3,2,encuesta,");
        using var stranger = host.Client(host.FocalPoint("pilar"));
        using var analyst = host.Client(host.Analyst());
        using var anonymous = host.Client(null);

        var refused = await (await PostCsvAsync(stranger, CatalogImport(municipality), catalogCsv)).JsonAsync(HttpStatusCode.Forbidden);
        await (await PostCsvAsync(stranger, NeedsImport(round), needsCsv)).JsonAsync(HttpStatusCode.Forbidden);
        await (await PostCsvAsync(analyst, CatalogImport(municipality), catalogCsv)).JsonAsync(HttpStatusCode.Forbidden);
        await (await PostCsvAsync(analyst, NeedsImport(round), needsCsv)).JsonAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostCsvAsync(anonymous, CatalogImport(municipality), catalogCsv)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostCsvAsync(anonymous, NeedsImport(round), needsCsv)).StatusCode);
        await (await PostCsvAsync(owner, CatalogImport("no-existe"), catalogCsv)).JsonAsync(HttpStatusCode.Forbidden);
        using var admin = host.Client(host.Admin());
        await (await PostCsvAsync(admin, CatalogImport("no-existe"), catalogCsv)).JsonAsync(HttpStatusCode.NotFound);
        await (await PostCsvAsync(admin, NeedsImport(Guid.NewGuid()), needsCsv)).JsonAsync(HttpStatusCode.NotFound);

        Assert.Contains("pilar", refused.GetProperty("detail").GetString());
        Assert.Equal(0, (await (await owner.GetAsync(Services(municipality))).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
        Assert.Equal(0, (await Rounds.GetAsync(owner, round)).GetProperty("needs").GetArrayLength());
    }

    [Fact]
    public async Task Both_routes_are_in_the_openapi_document_as_text_csv()
    {
        using var client = host.Client(null);
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");

        foreach (var path in new[] { "/api/offer/{municipalityCode}/services/import", "/api/needs/rounds/{roundId}/needs/import" })
        {
            var content = paths.GetProperty(path).GetProperty("post").GetProperty("requestBody").GetProperty("content");
            Assert.True(content.TryGetProperty("text/csv", out _), $"{path}: {content}");
            Assert.True(content.TryGetProperty("multipart/form-data", out _), $"{path}: {content}");
        }
    }

    private static string Lines(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    private static Task<HttpResponseMessage> PostCsvAsync(HttpClient client, string path, string csv, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(csv);
        var content = new ByteArrayContent(bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        return client.PostAsync(path, content);
    }

    private sealed record Error(int Line, string? Column, string Message);

    private static List<Error> Errors(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateArray().Select(e => new Error(
            e.GetProperty("line").GetInt32(),
            e.GetProperty("column").ValueKind == JsonValueKind.Null ? null : e.GetProperty("column").GetString(),
            e.GetProperty("message").GetString()!)).ToList();
}
