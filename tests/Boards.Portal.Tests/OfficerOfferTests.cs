using System.Security.Claims;
using System.Text;
using Boards.Portal.Authentication;
using Boards.Portal.Needs;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Boards.Portal.Tests;

/// <summary>
/// What the offer page needs to know to show an institution officer their part (their institution, where they serve,
/// copied from the access token at sign-in) and what its capacity form sends to Needs.
/// </summary>
public sealed class OfficerOfferTests
{
    private static JsonWebToken Token(string payload)
    {
        static string Part(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        return new JsonWebToken($"{Part("""{"alg":"none","typ":"JWT"}""")}.{Part(payload)}.");
    }

    private static CurrentUser User(string? institution, string[] roles, params string[] servesIn)
    {
        var claims = roles.Select(r => new Claim(PortalClaims.Role, r))
            .Concat(servesIn.Select(m => new Claim(PortalClaims.Municipalities, m)))
            .Concat(institution is null ? [] : [new Claim(PortalClaims.Institution, institution)]);
        return CurrentUser.From(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")));
    }

    [Fact]
    public void The_served_municipalities_are_read_from_the_access_tokens_array_or_single_value()
    {
        Assert.Equal(["pilar", "alto-vera"], PortalAuthentication.ServedMunicipalities(Token("""{"municipalities":["pilar","alto-vera","pilar",""]}""")));
        Assert.Equal(["pilar"], PortalAuthentication.ServedMunicipalities(Token("""{"municipalities":"pilar"}""")));
        Assert.Empty(PortalAuthentication.ServedMunicipalities(Token("""{"institution":"mds"}""")));
        Assert.Empty(PortalAuthentication.ServedMunicipalities(Token("""{"municipalities":{"pilar":true}}""")));
    }

    [Fact]
    public void An_officer_keeps_the_offer_only_where_they_serve_and_only_with_an_institution()
    {
        var officer = User("mds", [CurrentUser.Officer], "pilar", "Alto-Vera");

        Assert.True(officer.KeepsAnOffer);
        Assert.True(officer.KeepsOfferIn("pilar"));
        Assert.True(officer.KeepsOfferIn("ALTO-VERA"));
        Assert.False(officer.KeepsOfferIn("laurel"));
        Assert.False(officer.CanSeeBoard("pilar"));
        Assert.False(User(null, [CurrentUser.Officer], "pilar").KeepsOfferIn("pilar"));
        Assert.False(User("mds", [CurrentUser.Officer]).KeepsAnOffer);
        Assert.False(User("mds", [CurrentUser.Integrator], "pilar").KeepsOfferIn("pilar"));
    }

    [Theory]
    [InlineData("waitlist", "one_to_3_months", " 25 ", """{"capacityStatus":"waitlist","waitlistBand":"one_to_3_months","monthlyCapacity":25,"expectedVersion":4}""")]
    [InlineData("full", "one_to_3_months", "", """{"capacityStatus":"full","waitlistBand":null,"monthlyCapacity":null,"expectedVersion":4}""")]
    [InlineData("", null, null, """{"capacityStatus":null,"waitlistBand":null,"monthlyCapacity":null,"expectedVersion":4}""")]
    public void The_capacity_form_sends_only_the_capacity_and_the_version_read(string status, string? band, string? places, string expected)
    {
        var form = new CapacityForm { Code = "tekopora", Version = 4, Status = status, WaitlistBand = band, MonthlyCapacity = places };

        Assert.Equal(expected, System.Text.Json.JsonSerializer.Serialize(form.Body()));
        Assert.False(form.PlacesAreNotANumber);
    }

    [Theory]
    [InlineData("muchos", true)]
    [InlineData("12.5", true)]
    [InlineData("-3", false)]
    [InlineData(" ", false)]
    public void Places_that_are_not_a_whole_number_are_answered_by_the_page(string places, bool refused) =>
        Assert.Equal(refused, new CapacityForm { MonthlyCapacity = places }.PlacesAreNotANumber);
}
