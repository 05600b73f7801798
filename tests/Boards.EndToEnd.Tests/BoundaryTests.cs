using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Npgsql;
using Xunit.Abstractions;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// Every declared limit of every REST operation (the services' OpenAPI documents) and gRPC method (their reflection,
/// protovalidate rules) at its boundary, through the gateway: the maximum, one over and a hundred times over for text,
/// one item too many for lists, one below and above the range for numbers. Nothing is listed here, so a new endpoint,
/// method or field is covered as soon as its service describes it. Past a limit, each request is sent with the ministry
/// admin's and the focal point's token and must be refused, without a server failure, and all of them together must
/// write nothing; at the maximum, with whichever token got further, it may be accepted but must not fail nor be refused
/// for its length.
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class BoundaryTests(BoardsAppFixture boards, ITestOutputHelper output)
{
    private const int Parallelism = 8;

    [Fact]
    public async Task Every_declared_field_limit_holds_at_its_boundary_and_a_refused_request_writes_nothing()
    {
        var clock = Stopwatch.StartNew();
        var tokens = new Dictionary<string, string>
        {
            ["admin"] = await boards.Tokens.ForUser("admin"),
            ["focal.alto-vera"] = await boards.Tokens.ForUser("focal.alto-vera"),
        };
        // Requests at the maximum may be accepted: they name a district of this test's own, not one other tests count on.
        var municipality = await RegisterMunicipalityAsync(tokens["admin"]);

        var cases = new List<BoundaryCase>();
        var (operations, methods, restFields, grpcFields) = (0, 0, 0, 0);
        var undeclaredParameters = 0;
        var undeclaredGrpc = new List<string>();
        foreach (var operation in (await OpenApiCatalog.EveryOperationAsync(boards.Http)).Where(o => o.Path.StartsWith("/api/", StringComparison.Ordinal)))
        {
            var (found, fields, undeclared) = new RestBoundaries(operation, municipality).Cases();
            (operations, restFields, undeclaredParameters) = (operations + 1, restFields + fields, undeclaredParameters + undeclared);
            cases.AddRange(found);
        }

        foreach (var method in await OpenApiCatalog.EveryGrpcMethodAsync())
        {
            var (found, fields, undeclared) = GrpcBoundaries.For(method, municipality);
            (methods, grpcFields) = (methods + 1, grpcFields + fields);
            undeclaredGrpc.AddRange(undeclared);
            cases.AddRange(found);
        }

        Assert.True(operations > 30 && methods > 20, $"the services' metadata should describe their whole API ({operations} operations, {methods} methods)");
        // Nested bodies and messages hold most limits: far fewer fields means the walk stopped at the top level.
        Assert.True(restFields > 100 && grpcFields > 60, $"the services should declare their limits ({restFields} REST fields, {grpcFields} gRPC fields)");

        var pastLimit = cases.Where(c => c.MustBeRefused).SelectMany(c => tokens.Keys.Select(token => (Case: c, Token: token))).ToList();
        var rowsBefore = await DatabaseRows.SettledAsync();
        var writesBefore = await DatabaseWrites.SettledAsync();
        var refused = await SendAsync(pastLimit, tokens);
        var rowsAfter = await DatabaseRows.SettledAsync();
        var writesAfter = await DatabaseWrites.SettledAsync();

        var atMaximum = cases.Where(c => !c.MustBeRefused).Select(c => (Case: c, Token: TokenThatGotFurther(c.Operation, refused))).ToList();
        var accepted = await SendAsync(atMaximum, tokens);
        clock.Stop();

        Summarize(operations, methods, restFields, grpcFields, refused, accepted, clock.Elapsed);
        output.WriteLine($"string path and query parameters without maxLength: {undeclaredParameters}");
        output.WriteLine($"gRPC request strings without max_len: {(undeclaredGrpc.Count == 0 ? "none" : string.Join(", ", undeclaredGrpc))}");

        var failures = new List<string>();
        failures.AddRange(refused.Concat(accepted).Where(r => r.Answer.ServerFailure).Select(r => $"server failure: {Describe(r)}"));
        failures.AddRange(refused.Where(r => !r.Answer.Refused && !r.Answer.ServerFailure).Select(r => $"not refused past the limit: {Describe(r)}"));
        failures.AddRange(accepted.Where(r => r.Answer.Text.Contains("como máximo", StringComparison.Ordinal))
            .Select(r => $"refused for its length at exactly the maximum: {Describe(r)}"));
        var written = DatabaseRows.Differences(rowsBefore, rowsAfter).Concat(DatabaseWrites.Differences(writesBefore, writesAfter)).ToList();

        // What the accepted requests started (events, projections) settles here rather than in the next test.
        var atMaximumWrote = DatabaseWrites.Differences(writesAfter, await DatabaseWrites.SettledAsync()).ToList();
        output.WriteLine($"requests at the maximum then wrote to {atMaximumWrote.Count} tables (of {writesAfter.Count} watched)");
        Assert.True(failures.Count == 0, $"{failures.Count} boundary requests went wrong:\n{string.Join('\n', failures.Take(60))}");
        Assert.True(written.Count == 0, $"requests past a limit wrote: {string.Join("; ", written)}");
    }

    private async Task<List<(BoundaryCase Case, string Token, BoundaryAnswer Answer)>> SendAsync(
        List<(BoundaryCase Case, string Token)> calls, Dictionary<string, string> tokens)
    {
        var answers = new ConcurrentBag<(BoundaryCase, string, BoundaryAnswer)>();
        await Parallel.ForEachAsync(calls, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (call, _) =>
        {
            BoundaryAnswer answer;
            try
            {
                answer = await call.Case.SendAsync(boards, tokens[call.Token]);
            }
            catch (HttpRequestException error)
            {
                answer = new BoundaryAnswer("no answer", Refused: false, ServerFailure: true, error.Message);
            }

            answers.Add((call.Case, call.Token, answer));
        });
        return [.. answers];
    }

    /// <summary>The admin's token, unless only the focal point's got past authentication and authorization.</summary>
    private static string TokenThatGotFurther(string operation, List<(BoundaryCase Case, string Token, BoundaryAnswer Answer)> answers)
    {
        bool TurnedAway(string token) => answers.Where(a => a.Case.Operation == operation && a.Token == token)
            .All(a => a.Answer.Status is "REST 401" or "REST 403" or "gRPC Unauthenticated" or "gRPC PermissionDenied");
        return TurnedAway("admin") && !TurnedAway("focal.alto-vera") ? "focal.alto-vera" : "admin";
    }

    private void Summarize(int operations, int methods, int restFields, int grpcFields,
        List<(BoundaryCase Case, string Token, BoundaryAnswer Answer)> refused, List<(BoundaryCase Case, string Token, BoundaryAnswer Answer)> accepted, TimeSpan elapsed)
    {
        output.WriteLine($"{operations} REST operations with {restFields} limited fields, {methods} gRPC methods with {grpcFields} limited fields");
        output.WriteLine($"{refused.Count + accepted.Count} requests: {refused.Count} past a limit (each with both tokens), {accepted.Count} at the maximum; {elapsed.TotalSeconds:F1} s with the catalogs and the waits for the databases to settle");
        foreach (var (phase, answers) in new[] { ("past a limit", refused), ("at the maximum", accepted) })
        {
            output.WriteLine($"  {phase}:");
            foreach (var group in answers.GroupBy(a => a.Answer.Status).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                output.WriteLine($"    {group.Key}: {group.Count()}");
            }
        }

        // The unusual answers, one line per request and token: refusals other than a field violation, and acceptances.
        foreach (var result in refused.Where(r => r.Answer.Status is not ("REST 400" or "gRPC InvalidArgument"))
                     .Concat(accepted.Where(r => r.Answer.Status is "gRPC OK" || r.Answer.Status.StartsWith("REST 2", StringComparison.Ordinal)))
                     .OrderBy(r => r.Case.Describe(), StringComparer.Ordinal))
        {
            output.WriteLine($"  {Describe(result)}");
        }
    }

    private static string Describe((BoundaryCase Case, string Token, BoundaryAnswer Answer) result) =>
        $"{result.Case.Describe()} [{result.Token}] → {result.Answer.Status} {result.Answer.Text[..Math.Min(300, result.Answer.Text.Length)]}";

    private async Task<string> RegisterMunicipalityAsync(string admin)
    {
        var code = $"e2e-limites-{Guid.NewGuid().ToString("N")[..8]}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/municipalities")
        {
            Content = JsonContent.Create(new { code, name = "Distrito de límites", department = "Boquerón", departmentNumber = 16, status = "expansion-2026" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        using var response = await boards.Http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"registering {code}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        await ReplicatedAsync(code);
        return code;
    }

    /// <summary>
    /// Waits until every service that keeps a replica of the registry has the district: its arrival is a write, and it
    /// must land before the "nothing written" snapshot, however slow the bus is under load.
    /// </summary>
    private static async Task ReplicatedAsync(string code)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (var database in DatabaseRows.Databases)
        {
            await using var connection = new NpgsqlConnection(BoardsAppFixture.AdminConnectionString(database));
            await connection.OpenAsync();
            await using var exists = new NpgsqlCommand("select to_regclass('public.municipalities') is not null", connection);
            if (!(bool)(await exists.ExecuteScalarAsync())!)
            {
                continue;
            }

            await using var count = new NpgsqlCommand("select count(*) from public.municipalities m where to_jsonb(m)::text like '%' || @code || '%'", connection);
            count.Parameters.AddWithValue("code", code);
            while ((long)(await count.ExecuteScalarAsync())! == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, $"{code} did not reach {database} within 60 s");
                await Task.Delay(250);
            }
        }
    }
}
