namespace Boards.EndToEnd.Tests;

/// <summary>What the gateway answered: the status, the body as JSON when it is JSON, and the raw text for messages.</summary>
public sealed record GatewayReply(HttpStatusCode Status, JsonElement Body, string Text);

/// <summary>REST calls through the gateway with a bearer token, shared by the cross-service flow tests.</summary>
public static class GatewayCalls
{
    public static async Task<GatewayReply> SendJsonAsync(this HttpClient gateway, HttpMethod method, string path, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await gateway.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length > 0 && text.TrimStart()[0] is '{' or '[' ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return new GatewayReply(response.StatusCode, json, text);
    }

    /// <summary>The JSON body, after asserting the status is one of those expected.</summary>
    public static async Task<JsonElement> ExpectJsonAsync(
        this HttpClient gateway, HttpMethod method, string path, string token, HttpStatusCode[] expected, object? body = null)
    {
        var reply = await gateway.SendJsonAsync(method, path, token, body);
        Assert.True(expected.Contains(reply.Status), $"{method} {path}: {(int)reply.Status} {reply.Text}");
        return reply.Body;
    }

    /// <summary>A voting board member as POST /api/boards/{code}/members takes it.</summary>
    public static object Member(string name, string sector) => new
    {
        personName = name,
        organization = "Organización de " + name,
        sector,
        gender = "female",
        ageBand = "adult",
        territory = new { area = "urban", locality = "Centro" },
        designatedOn = "2026-01-05",
    };
}
