using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// Bad input at scale: thousands of malformed and mutated requests at every REST operation and gRPC method the services
/// describe, through the gateway, with good and bad tokens. None may fail on the server side and none may write.
/// The seed is printed; BOARDS_FUZZ_SEED replays a run.
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class FuzzTests(BoardsAppFixture boards, ITestOutputHelper output)
{
    private const int DefaultSeed = 20_261_127;
    private const int RestRequests = 3_000;
    private const int GrpcRequests = 2_200;

    private static readonly StatusCode[] ServerFailures = [StatusCode.Internal, StatusCode.Unknown, StatusCode.DataLoss];

    [Fact]
    public async Task Thousands_of_malformed_requests_get_clear_refusals_and_write_nothing()
    {
        var seed = Environment.GetEnvironmentVariable("BOARDS_FUZZ_SEED") is { Length: > 0 } configured
            ? int.Parse(configured, CultureInfo.InvariantCulture)
            : DefaultSeed;
        output.WriteLine($"fuzz seed {seed} (BOARDS_FUZZ_SEED={seed} replays this run)");
        var random = new Random(seed);

        var good = new List<string>
        {
            await boards.Tokens.ForUser("admin"), await boards.Tokens.ForUser("analyst"), await boards.Tokens.ForUser("focal.alto-vera"),
            await boards.Tokens.ForUser("officer.mspbs"), await boards.Tokens.ForIntegrator(),
        };
        var bad = BadTokens.From(good[2]);
        Assert.True(BadTokens.ProviderKeyFound, "the identity provider's signing key (.data/identity) should be readable to sign expired tokens");

        var operations = (await OpenApiCatalog.EveryOperationAsync(boards.Http)).Where(o => o.Path.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        var methods = await OpenApiCatalog.EveryGrpcMethodAsync();

        output.WriteLine($"{operations.Count} REST operations, {methods.Count} gRPC methods");
        Assert.True(operations.Count > 30 && methods.Count > 20, "the services' metadata should describe their whole API");

        var restMutations = new RestMutations(random);
        var rest = Enumerable.Range(0, RestRequests).Select(_ =>
        {
            var operation = operations[random.Next(operations.Count)];
            var token = random.Next(4) == 0 ? bad[random.Next(bad.Count)] : ("good", good[random.Next(good.Count)]);
            return (operation, token, request: restMutations.Create(operation));
        }).ToList();
        var grpcMutations = new GrpcMutations(random);
        var grpc = Enumerable.Range(0, GrpcRequests).Select(_ =>
        {
            var method = methods[random.Next(methods.Count)];
            var token = random.Next(4) == 0 ? bad[random.Next(bad.Count)] : ("good", good[random.Next(good.Count)]);
            return (method, token, message: grpcMutations.Create(method));
        }).ToList();

        var before = await DatabaseRows.SettledAsync();
        var failures = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<string, int>();
        var clock = Stopwatch.StartNew();

        await Parallel.ForEachAsync(rest, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (call, _) =>
        {
            var (operation, (kind, token), request) = call;
            using (request)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var description = RestMutations.Describe(request);
                using var response = await boards.Http.SendAsync(request);
                var status = (int)response.StatusCode;
                statuses.AddOrUpdate($"REST {status}", 1, (_, n) => n + 1);
                // A NUL in the path is refused by the web server (400) before any token is looked at.
                var refusedBeforeAuthentication = response.StatusCode == HttpStatusCode.BadRequest && description.Contains("%00", StringComparison.Ordinal);
                if (status >= 500 || (kind != "good" && response.StatusCode != HttpStatusCode.Unauthorized && !refusedBeforeAuthentication))
                {
                    var body = await response.Content.ReadAsStringAsync();
                    failures.Enqueue($"{description} [{operation.Name}, token {kind}] → {status} {body[..Math.Min(300, body.Length)]}");
                }
            }
        });

        var invoker = boards.Channel.CreateCallInvoker();
        await Parallel.ForEachAsync(grpc, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (call, _) =>
        {
            var (method, (kind, token), message) = call;
            var status = await RawGrpc.CallAsync(invoker, method, message, BoardsAppFixture.Bearer(token), TimeSpan.FromSeconds(20));
            statuses.AddOrUpdate($"gRPC {status.StatusCode}", 1, (_, n) => n + 1);
            if (ServerFailures.Contains(status.StatusCode) || (kind != "good" && status.StatusCode != StatusCode.Unauthenticated))
            {
                failures.Enqueue($"gRPC {method.FullName} ({message.Length} bytes, token {kind}) → {status.StatusCode} {status.Detail}");
            }
        });

        clock.Stop();
        output.WriteLine($"{rest.Count + grpc.Count} requests in {clock.Elapsed.TotalSeconds:F1} s");
        foreach (var (status, count) in statuses.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {status}: {count}");
        }

        var after = await DatabaseRows.SettledAsync();
        var report = new StringBuilder();
        foreach (var failure in failures.Take(40))
        {
            report.AppendLine(failure);
        }

        Assert.True(failures.IsEmpty, $"{failures.Count} requests failed on the server side or passed a bad token (seed {seed}):\n{report}");
        var written = DatabaseRows.Differences(before, after).ToList();
        Assert.True(written.Count == 0, $"rows changed (seed {seed}): {string.Join("; ", written)}");
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), $"the fuzz run took {clock.Elapsed}");
    }
}
