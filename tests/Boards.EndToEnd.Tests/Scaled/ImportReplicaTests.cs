using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Boards.EndToEnd.Tests.Scaled;

/// <summary>
/// A large member import sent to one Membership replica is followed to its end from the other: the job and its file
/// are in membershipdb, not in the process that took the request. The board is a district the test adds, so that its
/// 600 members show on no other test's pages.
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class ImportReplicaTests(BoardsAppFixture boards)
{
    private const int Rows = 600; // above the 500 rows answered in the request: a job

    [Fact]
    public async Task An_import_started_on_one_replica_is_followed_to_its_end_from_the_other()
    {
        var admin = await boards.Tokens.ForUser("admin");
        var municipality = await BoardSetup.AddDistrictAsync(boards.Http, admin, "e2e-importacion");
        await BoardSetup.EnsureBoardAsync(boards.Http, admin, municipality);
        var replicas = BoardsAppFixture.ReplicasOf("membership", 6121).Select(r => new Uri($"http://localhost:{r.Port}")).ToList();
        using var first = new HttpClient { BaseAddress = replicas[0] };
        using var second = new HttpClient { BaseAddress = replicas[^1] };

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/boards/{municipality}/members/import")
        {
            Content = new StringContent(Csv(), Encoding.UTF8, "text/csv"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        using var accepted = await first.SendAsync(request);
        Assert.True(accepted.StatusCode == HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        var location = accepted.Headers.Location!;
        var job = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

        var done = await Eventually.Until(() => JobAsync(second, job, admin), j => j.Status is "completed" or "failed", TimeSpan.FromSeconds(90),
            "the import job, read from the other replica, to end");
        Assert.True(done.Status == "completed", done.Json);
        Assert.Equal(Rows, done.Added);
        Assert.Equal(100, done.Percent);

        // Scope holds on the replica that did not take the request: under another board's code the job does not exist.
        using var hidden = await GetAsync(second, job.Replace(municipality, "pilar", StringComparison.Ordinal), admin);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    private static string Csv()
    {
        var csv = new StringBuilder("nombre,institucion,sector,genero,franja_edad,area,localidad,fecha_designacion\n");
        var batch = Guid.NewGuid().ToString("N")[..6];
        for (var i = 1; i <= Rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"Vecina {batch} {i},Comisión vecinal {i},sociedad_civil,mujer,adulto,rural,Compañía {i % 12},2026-02-01\n");
        }

        return csv.ToString();
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    private static async Task<Job> JobAsync(HttpClient client, string path, string token)
    {
        using var response = await GetAsync(client, path, token);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        return new Job(root.GetProperty("status").GetString()!, root.GetProperty("percent").GetInt32(),
            root.GetProperty("added").ValueKind == JsonValueKind.Number ? root.GetProperty("added").GetInt32() : null, text);
    }

    private sealed record Job(string Status, int Percent, int? Added, string Json);
}
