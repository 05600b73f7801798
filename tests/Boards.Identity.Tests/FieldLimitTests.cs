namespace Boards.Identity.Tests;

/// <summary>
/// The admin API's text fields have Keycloak's maximum (IdentityLimits, 255 characters, the columns' length too): over it
/// the answer is 400 naming the field (Keycloak's error shape) and nothing is written; exactly the maximum is kept whole.
/// </summary>
public sealed class FieldLimitTests(DevelopmentIdentity identity) : IClassFixture<DevelopmentIdentity>
{
    private static string Text(int length) => new('ñ', length);

    [Theory]
    [InlineData("firstName", 256)]
    [InlineData("firstName", 25_500)]
    [InlineData("lastName", 256)]
    [InlineData("email", 256)]
    [InlineData("username", 256)]
    public async Task A_user_field_over_its_maximum_is_400_naming_it_and_no_user_is_written(string field, int length)
    {
        using var client = identity.CreateClient();
        var admin = await AdminApiClient.ForMembershipAsync(client);
        var userName = $"limite.{Guid.NewGuid():N}";
        var value = field == "email" ? Text(length - 12) + "@example.com" : Text(length);
        var body = new Dictionary<string, object> { ["username"] = userName, ["enabled"] = true, [field] = value };

        using var response = await admin.SendAsync(HttpMethod.Post, "users", body);

        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.Null(await admin.FindUserIdAsync(userName));
    }

    [Fact]
    public async Task An_attribute_value_over_its_maximum_is_400_naming_it_and_the_user_keeps_its_attributes()
    {
        using var client = identity.CreateClient();
        var admin = await AdminApiClient.ForMembershipAsync(client);
        var id = await admin.CreateUserAsync(new { username = $"limite.{Guid.NewGuid():N}", enabled = true });

        using var response = await admin.SendAsync(HttpMethod.Put, $"users/{id}", new { attributes = new { municipality = new[] { new string('a', 256) } } });

        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("municipality", error.GetProperty("field").GetString());
        Assert.False((await admin.GetJsonAsync($"users/{id}")).TryGetProperty("attributes", out var attributes) &&
                     attributes.TryGetProperty("municipality", out _));
    }

    [Fact]
    public async Task Names_of_exactly_their_maximum_are_kept_whole()
    {
        using var client = identity.CreateClient();
        var admin = await AdminApiClient.ForMembershipAsync(client);

        var id = await admin.CreateUserAsync(new { username = $"limite.{Guid.NewGuid():N}", enabled = true, firstName = Text(255), lastName = Text(255) });

        var user = await admin.GetJsonAsync($"users/{id}");
        Assert.Equal(Text(255), user.GetProperty("firstName").GetString());
        Assert.Equal(Text(255), user.GetProperty("lastName").GetString());
    }
}
