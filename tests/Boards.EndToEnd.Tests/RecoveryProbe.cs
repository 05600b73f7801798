using System.Diagnostics;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// After PostgreSQL comes back, every service still holds pooled connections the restart cut; each is found broken on
/// its next use and thrown away. This calls one read of every service (and the identity provider's token endpoint)
/// one call after another until each answers many times in a row, and reports what callers met on the way.
/// </summary>
public static class RecoveryProbe
{
    private const int InARow = 20;

    public static readonly string[] Reads =
    [
        "/api/institutions",
        "/api/monitoring/municipalities/alto-vera",
        "/api/municipalities",
        "/api/offer/alto-vera/services",
        "/api/plans?municipality=alto-vera&year=2026",
    ];

    /// <summary>Per target: the statuses met before it answered <see cref="InARow"/> times in a row, and how long that took.</summary>
    public static async Task<List<ProbeResult>> UntilEveryServiceAnswersAsync(BoardsAppFixture boards, TimeSpan timeout)
    {
        var admin = await boards.Tokens.ForUser("admin");
        var results = new List<ProbeResult>();
        foreach (var path in Reads)
        {
            results.Add(await ProbeAsync(path, timeout, async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
                using var response = await boards.Http.SendAsync(request);
                return (response.StatusCode, response.Headers.RetryAfter is not null);
            }));
        }

        using var identity = new HttpClient();
        results.Add(await ProbeAsync("identity token", timeout, async () =>
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "password",
                ["client_id"] = "boards-cli",
                ["username"] = "admin",
                ["password"] = "demo",
                ["scope"] = "openid boards-api",
            });
            using var response = await identity.PostAsync(
                $"http://localhost:{BoardsAppFixture.IdentityPort}/realms/boards/protocol/openid-connect/token", form);
            return (response.StatusCode, response.Headers.RetryAfter is not null);
        }));
        return results;
    }

    private static async Task<ProbeResult> ProbeAsync(string target, TimeSpan timeout, Func<Task<(HttpStatusCode Status, bool RetryAfter)>> call)
    {
        var clock = Stopwatch.StartNew();
        var failures = new List<string>();
        var inARow = 0;
        while (inARow < InARow)
        {
            Assert.True(clock.Elapsed < timeout, $"{target} did not recover within {timeout}: {string.Join(", ", failures)}");
            var (status, retryAfter) = await call();
            if ((int)status < 500)
            {
                inARow++;
                continue;
            }

            inARow = 0;
            failures.Add(status == HttpStatusCode.ServiceUnavailable && retryAfter ? "503+Retry-After" : ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Task.Delay(100);
        }

        return new ProbeResult(target, failures, clock.Elapsed);
    }
}

public sealed record ProbeResult(string Target, IReadOnlyList<string> Failures, TimeSpan Took)
{
    public override string ToString() =>
        $"{Target}: {(Failures.Count == 0 ? "no errors" : string.Join(", ", Failures.GroupBy(f => f).Select(g => $"{g.Count()}× {g.Key}")))} ({Took.TotalSeconds:F1} s)";
}
