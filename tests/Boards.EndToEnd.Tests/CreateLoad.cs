using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// A bounded load of referral creates through the gateway: half the callers use gRPC, half REST, each one call after
/// another until the time is up. Records every acknowledged referral id and every error, sorted into clean errors
/// (gRPC Unavailable, REST 503 with Retry-After) and anything else (which the fault tests expect never to see).
/// </summary>
public sealed class CreateLoad(BoardsAppFixture boards, string municipality)
{
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(20);

    private readonly ConcurrentBag<string> _acknowledged = [];
    private readonly ConcurrentDictionary<string, int> _cleanErrors = new();
    private readonly ConcurrentBag<string> _uncleanErrors = [];
    private readonly ConcurrentBag<DateTime> _successes = [];
    private readonly ConcurrentBag<DateTime> _errors = [];
    private readonly ConcurrentDictionary<string, byte> _cleanMessages = new();

    public IReadOnlyCollection<string> Acknowledged => _acknowledged;
    public IReadOnlyDictionary<string, int> CleanErrors => _cleanErrors;
    public IReadOnlyCollection<string> UncleanErrors => _uncleanErrors;
    public int CleanErrorCount => _cleanErrors.Values.Sum();

    /// <summary>The distinct messages the clean errors carried (what a person or an integrator reads).</summary>
    public IReadOnlyCollection<string> CleanMessages => _cleanMessages.Keys.ToList();

    /// <summary>The first acknowledged create at or after <paramref name="moment"/>: how long recovery took.</summary>
    public DateTime? FirstSuccessAfter(DateTime moment) => _successes.Where(s => s >= moment).OrderBy(s => s).Cast<DateTime?>().FirstOrDefault();

    public int SuccessesBetween(DateTime from, DateTime to) => _successes.Count(s => s >= from && s < to);

    public int ErrorsBetween(DateTime from, DateTime to) => _errors.Count(e => e >= from && e < to);

    /// <summary>Runs until <paramref name="stop"/> is cancelled, or <paramref name="limit"/> has passed, whichever comes first.</summary>
    public async Task RunAsync(int callers, CancellationToken stop, TimeSpan limit)
    {
        var token = await boards.Tokens.ForUser($"focal.{municipality}");
        var elapsed = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, callers)
            .Select(i => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested && elapsed.Elapsed < limit)
                {
                    var succeeded = i % 2 == 0 ? await CreateThroughGrpcAsync(token) : await CreateThroughRestAsync(token);
                    if (!succeeded)
                    {
                        // A caller told "try again later" waits a little, as an integrator following Retry-After would (shortened).
                        await Task.Delay(200);
                    }
                }
            }));
        await Task.WhenAll(workers);
    }

    public string Summary() =>
        $"acknowledged={_acknowledged.Count} clean-errors={{{string.Join(", ", _cleanErrors.OrderBy(e => e.Key).Select(e => $"{e.Key}: {e.Value}"))}}} " +
        $"unclean-errors={_uncleanErrors.Count}{(_uncleanErrors.IsEmpty ? "" : " first: " + string.Join(" | ", _uncleanErrors.Take(5)))}";

    private async Task<bool> CreateThroughGrpcAsync(string token)
    {
        try
        {
            var referral = await boards.Referrals.CreateReferralAsync(Requests.NewReferral(municipality), BoardsAppFixture.Bearer(token),
                deadline: DateTime.UtcNow + CallDeadline);
            Acknowledge(referral.Id);
            return true;
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.Unavailable)
        {
            _errors.Add(DateTime.UtcNow);
            _cleanErrors.AddOrUpdate("grpc Unavailable", 1, (_, n) => n + 1);
            _cleanMessages.TryAdd($"grpc: {exception.Status.Detail}", 0);
        }
        catch (RpcException exception)
        {
            _errors.Add(DateTime.UtcNow);
            _uncleanErrors.Add($"grpc {exception.StatusCode}: {exception.Status.Detail}");
        }

        return false;
    }

    private async Task<bool> CreateThroughRestAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/referrals") { Content = JsonContent.Create(RestBody()) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var timeout = new CancellationTokenSource(CallDeadline);
        try
        {
            using var response = await boards.Http.SendAsync(request, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
            {
                Acknowledge(JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!);
                return true;
            }

            _errors.Add(DateTime.UtcNow);

            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is not null &&
                response.Content.Headers.ContentType?.MediaType == "application/problem+json")
            {
                _cleanErrors.AddOrUpdate("rest 503 + Retry-After", 1, (_, n) => n + 1);
                _cleanMessages.TryAdd($"rest: {JsonDocument.Parse(text).RootElement.GetProperty("title").GetString()}", 0);
            }
            else
            {
                _uncleanErrors.Add($"rest {(int)response.StatusCode} (Retry-After: {response.Headers.RetryAfter}): {Truncate(text)}");
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            _errors.Add(DateTime.UtcNow);
            _uncleanErrors.Add($"rest {exception.GetType().Name}: {exception.Message}");
        }

        return false;
    }

    private void Acknowledge(string id)
    {
        _acknowledged.Add(id);
        _successes.Add(DateTime.UtcNow);
    }

    private object RestBody() => new
    {
        requestId = Guid.NewGuid().ToString(),
        municipalityCode = municipality,
        originInstitution = "municipalidad",
        destinationInstitution = "mspbs",
        serviceCode = OfferSetup.PrimaryCare,
        needCategory = "salud",
        priority = "normal",
        reason = "Control prenatal pendiente; sin transporte a la USF.",
        person = new
        {
            documentNumber = Random.Shared.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture),
            givenNames = "María Elena",
            familyNames = "Benítez Ayala",
            birthDate = "1994-03-12",
            sex = "female",
        },
        consent = new { given = true, givenBy = "la persona" },
    };

    private static string Truncate(string text) => text.Length > 300 ? text[..300] : text;
}
