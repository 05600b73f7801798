using Boards.Membership.Api.Rest;
using Boards.BuildingBlocks.Import;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Boards.Membership.Features.ImportMembers;
using Boards.Membership.Features.ListMembers;
using Boards.Membership.Tests.Integration;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Boards.Membership.Tests.Import;

/// <summary>
/// The CSV import against real PostgreSQL: the endpoint methods called as routing would call them (constructed users,
/// a real request body), results written by the real serializer, and the roster read back through the real handler.
/// Each test works on a municipality of its own.
/// </summary>
public sealed class ImportMembersTests(MembershipHost host) : IClassFixture<MembershipHost>
{
    private static readonly CancellationToken None = CancellationToken.None;

    public const string Header = "nombre,institucion,sector,genero,franja_edad,area,localidad,indigena,discapacidad,cargo,con_voto,fecha_designacion";

    private static ClaimsPrincipal Principal(string? municipality, string role) =>
        new(new ClaimsIdentity(
            new[] { new Claim(BoardsClaimTypes.Role, role), new Claim(BoardsClaimTypes.Subject, "sub"), new Claim(BoardsClaimTypes.UserName, role) }
                .Concat(municipality is null ? [] : [new Claim(BoardsClaimTypes.Municipality, municipality)]),
            "constructed"));

    private static readonly ClaimsPrincipal Admin = Principal(null, BoardsRoles.MinistryAdmin);

    public static string Row(string name, string organization = "Comisión vecinal", string sector = "organizacion_comunitaria", string date = "2024-03-01") =>
        $"{name},{organization},{sector},mujer,adulto,rural,Colonia 7,no,no,miembro,si,{date}";

    public static string Generated(int count, Func<int, string>? row = null) =>
        Header + "\n" + string.Join("\n", Enumerable.Range(1, count).Select(row ?? (i => Row($"Persona {i}", $"Organización {i % 37}"))));

    private async Task<string> NewBoardAsync(params string[] existing)
    {
        var code = await host.NewMunicipalityAsync();
        await host.With<CreateBoardHandler, Board>(h => h.HandleAsync(new CreateBoardCommand
        {
            MunicipalityCode = code,
            ResolutionNumber = "Res. 12/2023",
            ResolutionDate = "2023-01-10",
            ChairName = "Intendente",
            ChairRole = ChairRole.Mayor,
        }, TestCallers.Admin, None));
        foreach (var name in existing)
        {
            await host.With<AddMemberHandler, (Board, Member)>(h => h.HandleAsync(code, new AddMemberCommand
            {
                PersonName = name,
                Organization = "Municipalidad",
                Sector = Sector.LocalGovernment,
                Gender = Gender.Male,
                AgeBand = AgeBand.Adult,
                Territory = new TerritoryInput(Area.Urban, "Centro"),
                DesignatedOn = "2023-02-01",
            }, TestCallers.Admin, None));
        }

        return code;
    }

    private Task<List<Member>> RosterAsync(string code) =>
        host.With<ListMembersHandler, List<Member>>(async h => [.. await h.HandleAsync(code, true, TestCallers.Admin, None)]);

    private Task<long> VersionAsync(string code) =>
        host.InScopeAsync(async services => (await services.GetRequiredService<BoardStore>().ReadAsync(code, TestCallers.Admin, None)).Version);

    internal sealed record Answer(int Status, string? Location, JsonElement Body);

    private Task<Answer> PostCsvAsync(string code, string csv, ClaimsPrincipal? user = null, long? expectedVersion = null) =>
        PostAsync(code, Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", user, expectedVersion);

    private async Task<Answer> PostAsync(string code, byte[] body, string contentType, ClaimsPrincipal? user = null, long? expectedVersion = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = "POST";
        context.Request.ContentType = contentType;
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body);
        var services = scope.ServiceProvider;
        var result = await ImportMembersEndpoints.ImportAsync(code, expectedVersion, context.Request,
            services.GetRequiredService<ImportMembersHandler>(), services.GetRequiredService<MemberImportJobs>(),
            services.GetRequiredService<IOptions<MemberImportOptions>>(), user ?? Admin, None);
        return await ExecuteAsync(result, services);
    }

    private async Task<Answer> GetJobAsync(string location)
    {
        var parts = location.Split('/');
        await using var scope = host.Services.CreateAsyncScope();
        var result = await ImportMembersEndpoints.GetJobAsync(parts[3], parts[^1], scope.ServiceProvider.GetRequiredService<MemberImportJobs>(), Admin, None);
        return await ExecuteAsync(result, scope.ServiceProvider);
    }

    private static async Task<Answer> ExecuteAsync(IResult result, IServiceProvider services)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        using var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteAsync(context);
        body.Position = 0;
        using var json = await JsonDocument.ParseAsync(body);
        return new Answer(context.Response.StatusCode, context.Response.Headers.Location.ToString(), json.RootElement.Clone());
    }

    private static (int Line, string? Column, string Message)[] Errors(JsonElement body) =>
        [.. body.GetProperty("errors").EnumerateArray().Select(e => (
            e.GetProperty("line").GetInt32(),
            e.GetProperty("column").ValueKind == JsonValueKind.Null ? null : e.GetProperty("column").GetString(),
            e.GetProperty("message").GetString()!))];

    [Fact]
    public async Task A_valid_file_adds_every_member_in_one_change_and_the_roster_shows_them()
    {
        var code = await NewBoardAsync("Intendente Municipal");
        var focal = Principal(code, BoardsRoles.FocalPoint);
        var csv = Header + "\n" +
                  "Ana Benítez,USF Centro,institucion_nacional,mujer,joven,urbana,Centro,no,no,secretario,si,2024-03-01\n" +
                  "Juan Giménez,Gobernación de Itapúa,gobernacion,hombre,adulto,urbana,Centro,no,si,miembro,no,2024-03-02\n" +
                  "Lidia Chamorro,Comunidad Yvy Pytã,comunidad_indigena,mujer,mayor,rural,Yvy Pytã,si,no,,,2024-03-03\n";

        var answer = await PostCsvAsync(code, csv, focal);

        Assert.Equal(200, answer.Status);
        Assert.Equal(3, answer.Body.GetProperty("added").GetInt32());
        var roster = await RosterAsync(code);
        Assert.Equal(["Intendente Municipal", "Ana Benítez", "Juan Giménez", "Lidia Chamorro"], roster.Select(m => m.PersonName).ToArray());
        var lidia = roster[3];
        Assert.Equal((Sector.IndigenousCommunity, Gender.Female, AgeBand.Senior, Area.Rural, "Yvy Pytã", true, Position.Member, true, new DateOnly(2024, 3, 3)),
            (lidia.Sector, lidia.Gender, lidia.AgeBand, lidia.Territory.Area, lidia.Territory.Locality, lidia.Indigenous, lidia.Position, lidia.Voting, lidia.DesignatedOn));
        Assert.Equal(Position.Secretary, roster[1].Position);
        Assert.False(roster[2].Voting);
        Assert.Equal("focal-point", roster[1].CreatedBy);
        Assert.Equal(await VersionAsync(code), answer.Body.GetProperty("boardVersion").GetInt64());
    }

    [Fact]
    public async Task A_file_with_bad_rows_writes_nothing_and_reports_every_error_with_line_column_and_message()
    {
        var code = await NewBoardAsync("Intendente Municipal");
        var versionBefore = await VersionAsync(code);
        var csv = Header + "\n" +
                  Row("Ana") + "\n" +                                        // line 2: fine
                  Row("Berta", sector: "iglesia") + "\n" +                   // line 3: bad sector
                  Row("Carmen") + "\n" +                                     // line 4: fine
                  Row("") + "\n" +                                           // line 5: missing name
                  Row("Dora") + "\n" +                                       // line 6: fine
                  Row("Elsa", date: "31/02/2024") + "\n" +                  // line 7: bad date
                  Row("Flora") + "\n";                                       // line 8: fine

        var answer = await PostCsvAsync(code, csv);

        Assert.Equal(400, answer.Status);
        Assert.Equal("El archivo tiene 3 errores.", answer.Body.GetProperty("title").GetString());
        Assert.Contains("No se importó ningún miembro", answer.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var errors = Errors(answer.Body);
        Assert.Equal([(3, "sector"), (5, "nombre"), (7, "fecha_designacion")], errors.Select(e => (e.Line, e.Column!)).ToArray());
        Assert.StartsWith("Sector desconocido: 'iglesia'. Valores aceptados: gobierno_local, institucion_nacional", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal("Falta el nombre de la persona.", errors[1].Message);
        Assert.Equal("Fecha no válida: '31/02/2024'. Use AAAA-MM-DD o DD/MM/AAAA.", errors[2].Message);
        Assert.Equal(["Intendente Municipal"], (await RosterAsync(code)).Select(m => m.PersonName).ToArray());
        Assert.Equal(versionBefore, await VersionAsync(code));
    }

    [Fact]
    public async Task Semicolons_a_bom_quoted_commas_and_day_first_dates_are_read()
    {
        var code = await NewBoardAsync();
        var csv = "nombre;institución;sector;género;franja_edad;área;localidad;indígena;discapacidad;cargo;con_voto;fecha_designacion\r\n" +
                  "\"Benítez, Ana\";\"Comité \"\"Las Flores\"\", Alto Verá\";sociedad civil;Mujer;Joven;Rural;\"Compañía 7; Norte\";No;No;Miembro;Sí;05/03/2024\r\n" +
                  "Juan Pérez;Municipalidad;gobierno_local;hombre;adulto;urbana;Centro;no;no;presidente;si;2024-03-06\r\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();

        var answer = await PostAsync(code, bytes, "text/csv");

        Assert.Equal(200, answer.Status);
        var roster = await RosterAsync(code);
        Assert.Equal(2, roster.Count);
        var ana = roster[0];
        Assert.Equal(("Benítez, Ana", "Comité \"Las Flores\", Alto Verá", "Compañía 7; Norte", Sector.CivilSocietyOrganization, new DateOnly(2024, 3, 5)),
            (ana.PersonName, ana.Organization, ana.Territory.Locality, ana.Sector, ana.DesignatedOn));
        Assert.Equal(Position.Chair, roster[1].Position);
    }

    [Fact]
    public async Task A_multipart_upload_is_read_from_its_file_part()
    {
        var code = await NewBoardAsync();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(Generated(4)));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "miembros.csv");
        var body = await form.ReadAsByteArrayAsync();

        var answer = await PostAsync(code, body, form.Headers.ContentType!.ToString());

        Assert.Equal(200, answer.Status);
        Assert.Equal(4, (await RosterAsync(code)).Count);
    }

    [Fact]
    public async Task Duplicates_within_the_file_and_against_the_roster_are_reported()
    {
        var code = await NewBoardAsync("Carlos Ruiz");
        var csv = Header + "\n" +
                  Row("Ana Benítez") + "\n" +
                  Row("carlos ruiz", organization: "MUNICIPALIDAD", sector: "gobierno_local") + "\n" +
                  Row("ANA BENÍTEZ", organization: "comisión vecinal") + "\n" +
                  Row("Ana Benítez", organization: "Otra organización") + "\n";

        var answer = await PostCsvAsync(code, csv);

        Assert.Equal(400, answer.Status);
        var errors = Errors(answer.Body);
        Assert.Equal([(3, "nombre"), (4, "nombre")], errors.Select(e => (e.Line, e.Column!)).ToArray());
        Assert.Equal("'carlos ruiz' ya es miembro activo de la mesa por 'MUNICIPALIDAD'.", errors[0].Message);
        Assert.Equal("'ANA BENÍTEZ' por 'comisión vecinal' ya figura en la línea 2 del archivo.", errors[1].Message);
        Assert.Equal(["Carlos Ruiz"], (await RosterAsync(code)).Select(m => m.PersonName).ToArray());
    }

    [Fact]
    public async Task A_large_file_becomes_a_job_that_reports_progress_and_completes()
    {
        var code = await NewBoardAsync();

        var accepted = await PostCsvAsync(code, Generated(1000));

        Assert.Equal(202, accepted.Status);
        Assert.Matches($"^/api/boards/{code}/members/import/[0-9a-f-]{{36}}$", accepted.Location);
        Assert.Equal(1000, accepted.Body.GetProperty("totalRows").GetInt32());
        Assert.Contains(accepted.Body.GetProperty("status").GetString(), new[] { "queued", "validating", "writing", "completed" });

        var seen = new List<(string Status, int Processed, int Percent)>();
        JsonElement last = default;
        await MembershipHost.WaitUntilAsync(async () =>
        {
            last = (await GetJobAsync(accepted.Location!)).Body;
            seen.Add((last.GetProperty("status").GetString()!, last.GetProperty("processedRows").GetInt32(), last.GetProperty("percent").GetInt32()));
            return last.GetProperty("status").GetString() is "completed" or "failed";
        }, "the import job to finish");

        Assert.Equal("completed", last.GetProperty("status").GetString());
        Assert.Equal((1000, 1000, 100, 1000), (last.GetProperty("processedRows").GetInt32(), last.GetProperty("totalRows").GetInt32(),
            last.GetProperty("percent").GetInt32(), last.GetProperty("added").GetInt32()));
        Assert.Equal(JsonValueKind.Null, last.GetProperty("errors").ValueKind);
        Assert.Equal(seen.Select(s => s.Percent).Order().ToArray(), seen.Select(s => s.Percent).ToArray());
        Assert.Equal(1000, (await RosterAsync(code)).Count);
    }

    [Fact]
    public async Task The_handler_reports_validation_progress_row_by_row_and_then_writing()
    {
        var code = await NewBoardAsync();
        var reports = new List<ImportProgress>();

        var outcome = await host.With<ImportMembersHandler, ImportOutcome>(h =>
            h.HandleAsync(code, UploadedCsv.Parse(Generated(1000), 20_000), 0, TestCallers.Admin, new ListProgress(reports), None));

        Assert.True(outcome.Succeeded);
        var validating = reports.Where(r => r.Phase == ImportPhase.Validating).Select(r => r.ProcessedRows).ToArray();
        Assert.Equal(0, validating[0]);
        Assert.Equal(1000, validating[^1]);
        Assert.True(validating.Length >= 20, $"only {validating.Length} progress reports");
        Assert.Equal(validating.Order().ToArray(), validating);
        Assert.Equal(new ImportProgress(ImportPhase.Writing, 1000, 1000), reports[^1]);
    }

    [Fact]
    public async Task A_large_bad_file_fails_with_every_error_and_writes_nothing()
    {
        var code = await NewBoardAsync("Intendente Municipal");
        var versionBefore = await VersionAsync(code);
        var csv = Generated(1000, i => i switch
        {
            100 => Row($"Persona {i}", sector: "ninguno"),
            500 => Row($"Persona {i}", date: "2024/01/01"),
            999 => Row("Persona 1", "Organización 1"),
            _ => Row($"Persona {i}", $"Organización {i % 37}"),
        });

        var accepted = await PostCsvAsync(code, csv);
        Assert.Equal(202, accepted.Status);
        JsonElement last = default;
        await MembershipHost.WaitUntilAsync(async () =>
        {
            last = (await GetJobAsync(accepted.Location!)).Body;
            return last.GetProperty("status").GetString() is "completed" or "failed";
        }, "the import job to finish");

        Assert.Equal("failed", last.GetProperty("status").GetString());
        Assert.Equal(0, last.GetProperty("added").GetInt32());
        Assert.Equal((1000, 100), (last.GetProperty("processedRows").GetInt32(), last.GetProperty("percent").GetInt32()));
        Assert.Equal([(101, "sector"), (501, "fecha_designacion"), (1000, "nombre")], Errors(last).Select(e => (e.Line, e.Column!)).ToArray());
        Assert.Contains("3 errores", last.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(["Intendente Municipal"], (await RosterAsync(code)).Select(m => m.PersonName).ToArray());
        Assert.Equal(versionBefore, await VersionAsync(code));
    }

    [Fact]
    public async Task Limits_content_types_scope_and_unknown_jobs_are_refused_clearly()
    {
        var code = await NewBoardAsync();
        var options = host.Services.GetRequiredService<IOptions<MemberImportOptions>>().Value;

        var tooBig = await PostAsync(code, new byte[options.MaxBytes + 1], "text/csv");
        var tooManyRows = await PostCsvAsync(code, Generated(options.MaxRows + 1, i => $"P{i},O,otro,mujer,adulto,rural,L,no,no,miembro,si,2024-01-01"));
        var json = await PostAsync(code, "{}"u8.ToArray(), "application/json");
        var empty = await PostAsync(code, [], "text/csv");

        Assert.Equal(413, tooBig.Status);
        Assert.Equal("El archivo es demasiado grande.", tooBig.Body.GetProperty("title").GetString());
        Assert.Equal(400, tooManyRows.Status);
        Assert.Contains("20000", tooManyRows.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(415, json.Status);
        Assert.Equal(400, empty.Status);
        Assert.Empty(await RosterAsync(code));

        var otherBoard = await NewBoardAsync();
        await Assert.ThrowsAsync<ForbiddenException>(() => PostCsvAsync(code, Generated(1), Principal(otherBoard, BoardsRoles.FocalPoint)));
        await Assert.ThrowsAsync<ForbiddenException>(() => PostCsvAsync(code, Generated(1), Principal(null, BoardsRoles.MinistryAnalyst)));
        await Assert.ThrowsAsync<NotFoundException>(() => GetJobAsync($"/api/boards/{code}/members/import/{Guid.NewGuid()}"));
        var unknownBoard = await host.NewMunicipalityAsync();
        await Assert.ThrowsAsync<NotFoundException>(() => PostCsvAsync(unknownBoard, Generated(1)));
        await Assert.ThrowsAsync<NotFoundException>(() => PostCsvAsync(unknownBoard, Generated(600)));
    }

    [Fact]
    public async Task A_stale_expected_version_is_refused_before_anything_is_written()
    {
        var code = await NewBoardAsync("Intendente Municipal");

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => PostCsvAsync(code, Generated(2), expectedVersion: 1));
        var answer = await PostCsvAsync(code, Generated(2), expectedVersion: await VersionAsync(code));

        Assert.Equal(200, answer.Status);
        Assert.Equal(3, (await RosterAsync(code)).Count);

        // A job checks the version when it runs, and fails with a reason instead of row errors.
        var accepted = await PostCsvAsync(code, Generated(600, i => Row($"Otra persona {i}")), expectedVersion: 1);
        Assert.Equal(202, accepted.Status);
        JsonElement last = default;
        await MembershipHost.WaitUntilAsync(async () =>
        {
            last = (await GetJobAsync(accepted.Location!)).Body;
            return last.GetProperty("status").GetString() is "completed" or "failed";
        }, "the import job to finish");
        Assert.Equal("failed", last.GetProperty("status").GetString());
        Assert.Contains("No se importó ningún miembro", last.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, (await RosterAsync(code)).Count);
    }

    [Fact]
    public async Task The_routes_exist_in_the_real_pipeline_need_a_token_and_are_in_the_openapi_document()
    {
        using var client = host.Factory.CreateClient();
        using var csv = new StringContent(Generated(1), Encoding.UTF8, "text/csv");

        var post = await client.PostAsync("/api/boards/alto-vera/members/import", csv);
        var get = await client.GetAsync($"/api/boards/alto-vera/members/import/{Guid.NewGuid()}");
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, get.StatusCode);
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/boards/{municipalityCode}/members/import").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/boards/{municipalityCode}/members/import/{jobId}").TryGetProperty("get", out _));
    }

    private sealed class ListProgress(List<ImportProgress> reports) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => reports.Add(value);
    }
}
