using System.Text;
using Google.Protobuf;
using Xunit.Abstractions;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// Every REST operation and gRPC method the running services describe (OpenAPI, gRPC reflection), called through the
/// gateway by every role and without a token, for the caller's own municipality and another one, against the rules in
/// <see cref="AuthorizationRules"/>. Allowed means the call got past authorization (a 400/404/409 for the placeholder
/// input still counts); denied means 403 / PermissionDenied, and no token means 401 / Unauthenticated everywhere — except
/// at the two named exceptions, which must answer WITHOUT a token: the open data under <see cref="OpenDataPrefix"/>
/// (docs/open-data.md, reads only) and the pulse's public answers under <see cref="PulsePrefix"/> (docs/pulse.md). An
/// operation without a rule, or documented neither under /api/ nor under an exception, fails the test with its name.
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class AuthorizationMatrixTests(BoardsAppFixture boards, ITestOutputHelper output)
{
    // Districts no other end-to-end test uses: an admin's call here may create something (a board, a round), and it
    // must not surprise another test.
    private const string OwnMunicipality = "san-pedro-del-parana";
    private const string OtherMunicipality = "juan-emilio-oleary";
    private const string PlaceholderId = "0190a000-0000-7000-8000-000000000001";

    private static readonly string[] MunicipalityParameters = ["municipalityCode", "code"];

    /// <summary>The only REST paths that need no token. Anything else documented outside /api/ fails the test.</summary>
    private const string OpenDataPrefix = "/open/v1/";

    private const string PulsePrefix = "/pulse/v1/";

    [Fact]
    public async Task Every_endpoint_allows_and_denies_each_role_as_the_rules_say()
    {
        var tokens = new Dictionary<char, string>
        {
            ['F'] = await boards.Tokens.ForUser($"focal.{OwnMunicipality}"),
            ['O'] = await boards.Tokens.ForUser("officer.mspbs"),
            ['I'] = await boards.Tokens.ForIntegrator(),
            ['A'] = await boards.Tokens.ForUser("analyst"),
            ['M'] = await boards.Tokens.ForUser("admin"),
        };

        var observed = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var unauthenticated = new List<string>();
        var openWithoutToken = new List<string>();
        var elsewhere = new List<string>();
        foreach (var operation in await OpenApiCatalog.EveryOperationAsync(boards.Http))
        {
            if (operation.Path.StartsWith(OpenDataPrefix, StringComparison.Ordinal) || operation.Path == OpenDataPrefix.TrimEnd('/'))
            {
                // The named exception: read without a token (a 400 or 404 for the placeholder input still counts).
                if (operation.Method != HttpMethod.Get || await RestAsync(operation, null, OwnMunicipality) != 'A')
                {
                    openWithoutToken.Add(operation.Name);
                }

                continue;
            }

            if (operation.Path.StartsWith(PulsePrefix, StringComparison.Ordinal))
            {
                // The other exception: a person answers with the code on the slip, without signing in.
                if (await RestAsync(operation, null, OwnMunicipality) != 'A')
                {
                    openWithoutToken.Add(operation.Name);
                }

                continue;
            }

            if (!operation.Path.StartsWith("/api/", StringComparison.Ordinal))
            {
                elsewhere.Add(operation.Name);
                continue;
            }

            if (await RestAsync(operation, null, OwnMunicipality) != 'U')
            {
                unauthenticated.Add(operation.Name);
            }

            observed[operation.Name] = await ObserveAsync(tokens, (token, municipality) => RestAsync(operation, token, municipality));
        }

        foreach (var method in await OpenApiCatalog.EveryGrpcMethodAsync())
        {
            if (await GrpcAsync(method, null, OwnMunicipality) != 'U')
            {
                unauthenticated.Add(method.FullName);
            }

            observed[method.FullName] = await ObserveAsync(tokens, (token, municipality) => GrpcAsync(method, token, municipality));
        }

        var report = new StringBuilder();
        foreach (var (name, outcome) in observed)
        {
            report.AppendLine($"[\"{name}\"] = \"{outcome}\",");
        }

        output.WriteLine($"{observed.Count} operations; observed (own/other, F focal point, O officer, I integrator, A analyst, M admin):");
        output.WriteLine(report.ToString());

        Assert.True(unauthenticated.Count == 0, "Without a token these were not refused with 401 / Unauthenticated: " + string.Join(", ", unauthenticated));
        Assert.True(openWithoutToken.Count == 0, "An open-data operation that is not a read, or a public pulse operation that did not answer without a token: " + string.Join(", ", openWithoutToken));
        Assert.True(elsewhere.Count == 0, "Documented neither under /api/ nor as open data: " + string.Join(", ", elsewhere));
        var missing = observed.Keys.Where(name => !AuthorizationRules.Expected.ContainsKey(name)).ToList();
        Assert.True(missing.Count == 0, "No authorization rule for: " + string.Join(", ", missing));
        var wrong = observed.Where(o => AuthorizationRules.Expected[o.Key] != o.Value)
            .Select(o => $"{o.Key}: expected {AuthorizationRules.Expected[o.Key]}, observed {o.Value}").ToList();
        Assert.True(wrong.Count == 0, "Authorization differs from the rules:\n" + string.Join('\n', wrong));
        var gone = AuthorizationRules.Expected.Keys.Where(name => !observed.ContainsKey(name)).ToList();
        Assert.True(gone.Count == 0, "Rules for operations that no longer exist: " + string.Join(", ", gone));
    }

    /// <summary>"FOIAM/FA": the roles allowed for the own municipality, then for the other one.</summary>
    private static async Task<string> ObserveAsync(Dictionary<char, string> tokens, Func<string, string, Task<char>> call)
    {
        var own = new StringBuilder();
        var other = new StringBuilder();
        foreach (var (role, token) in tokens)
        {
            if (await call(token, OwnMunicipality) == 'A')
            {
                own.Append(role);
            }

            if (await call(token, OtherMunicipality) == 'A')
            {
                other.Append(role);
            }
        }

        return $"{own}/{other}";
    }

    /// <summary>A allowed, D denied (403), U unauthenticated (401); a server error fails at once.</summary>
    private async Task<char> RestAsync(RestOperation operation, string? token, string municipality)
    {
        var path = operation.Path;
        foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
        {
            var value = MunicipalityParameters.Contains(parameter.Name) ? municipality
                : OpenApiCatalog.TypeOf(parameter.Schema) is "integer" or "number" ? "1" : PlaceholderId;
            path = path.Replace("{" + parameter.Name + "}", value, StringComparison.Ordinal);
        }

        if (operation.Parameters.FirstOrDefault(p => p.In == "query" && p.Name is "municipalityCode" or "municipality") is { } filter)
        {
            path += $"?{filter.Name}={municipality}";
        }

        using var request = new HttpRequestMessage(operation.Method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (operation.Body is not null || operation.Method == HttpMethod.Post || operation.Method == HttpMethod.Put)
        {
            request.Content = new StringContent($"{{\"municipalityCode\":\"{municipality}\"}}", Encoding.UTF8, "application/json");
        }

        using var response = await boards.Http.SendAsync(request);
        Assert.True((int)response.StatusCode < 500, $"{operation.Name} as {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => 'U',
            HttpStatusCode.Forbidden => 'D',
            _ => 'A',
        };
    }

    private async Task<char> GrpcAsync(GrpcMethod method, string? token, string municipality)
    {
        var message = new MemoryStream();
        if (method.MunicipalityField is { } field)
        {
            var writer = new CodedOutputStream(message);
            writer.WriteTag(field, WireFormat.WireType.LengthDelimited);
            writer.WriteString(municipality);
            writer.Flush();
        }

        var headers = token is null ? [] : BoardsAppFixture.Bearer(token);
        var status = await RawGrpc.CallAsync(boards.Channel.CreateCallInvoker(), method, message.ToArray(), headers, TimeSpan.FromSeconds(20));
        Assert.False(status.StatusCode is StatusCode.Internal or StatusCode.Unknown, $"{method.FullName}: {status}");
        return status.StatusCode switch
        {
            StatusCode.Unauthenticated => 'U',
            StatusCode.PermissionDenied => 'D',
            _ => 'A',
        };
    }
}
