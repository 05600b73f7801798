using System.Text.Json;
using Boards.Portal.Board;

namespace Boards.Portal.Tests;

/// <summary>
/// Correcting a membership replaces the whole of it (PUT), so the form must start from, and send back, everything
/// Membership has: a field the form forgot would be erased by the correction.
/// </summary>
public sealed class MemberFormTests
{
    [Fact]
    public void A_correction_sends_back_every_field_of_the_membership_it_started_from()
    {
        var member = new MemberView(
            Guid.NewGuid(), "Rosa Benítez", "Comisión vecinal", "community_organization", "female", "senior",
            new MemberTerritoryView("rural", "Potrero"), Indigenous: true, Disability: true, Position: "secretary", Voting: false,
            new DateOnly(2026, 1, 5), CeasedOn: null, CeaseReason: null, Active: true, Account: "rosa.benitez");

        var body = JsonSerializer.SerializeToElement(MemberForm.From(member).Body());

        Assert.Equal("Rosa Benítez", body.GetProperty("personName").GetString());
        Assert.Equal("Comisión vecinal", body.GetProperty("organization").GetString());
        Assert.Equal("community_organization", body.GetProperty("sector").GetString());
        Assert.Equal("female", body.GetProperty("gender").GetString());
        Assert.Equal("senior", body.GetProperty("ageBand").GetString());
        Assert.Equal("rural", body.GetProperty("territory").GetProperty("area").GetString());
        Assert.Equal("Potrero", body.GetProperty("territory").GetProperty("locality").GetString());
        Assert.True(body.GetProperty("indigenous").GetBoolean());
        Assert.True(body.GetProperty("disability").GetBoolean());
        Assert.Equal("secretary", body.GetProperty("position").GetString());
        Assert.False(body.GetProperty("voting").GetBoolean());
        Assert.Equal("2026-01-05", body.GetProperty("designatedOn").GetString());
        Assert.Equal("rosa.benitez", body.GetProperty("account").GetString());
    }

    [Fact]
    public void Empty_choices_go_as_null_so_that_Membership_names_every_missing_field()
    {
        var body = JsonSerializer.SerializeToElement(new MemberForm { PersonName = "  ", Sector = "" }.Body());

        Assert.Equal(JsonValueKind.Null, body.GetProperty("personName").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("sector").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("account").ValueKind);
        Assert.True(body.GetProperty("voting").GetBoolean());
    }

    [Theory]
    [InlineData(null, "/mesa/pilar?hecho=miembro")]
    [InlineData(41.5, "/mesa/pilar?hecho=miembro&antes=41.5")]
    public void The_board_after_a_change_carries_the_score_before_it(double? before, string expected) =>
        Assert.Equal(expected, BoardLinks.Done("pilar", "miembro", (decimal?)before));
}
