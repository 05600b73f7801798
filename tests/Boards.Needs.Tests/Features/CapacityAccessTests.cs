using Boards.BuildingBlocks.Errors;
using Boards.Needs.Domain.Offer;
using Boards.Needs.Features.Common;
using Boards.ServiceDefaults.Authentication;

namespace Boards.Needs.Tests.Features;

public sealed class CapacityAccessTests
{
    private static readonly OfferedService Tekopora = OfferedService.Create(
        "pilar", "tekopora", new ValidOffer("Tekoporã", "Tekoporã", "mds", ["food_security"], "Hogares.", ServiceChannel.HomeVisit, 40, CapacityStatus.Available, null),
        "test", DateTimeOffset.UnixEpoch);

    private static Caller Officer(string? institution, params string[] servesIn) =>
        new("sub", "test", new HashSet<string> { BoardsRoles.InstitutionOfficer }, null, institution, servesIn.ToHashSet(StringComparer.Ordinal));

    private static Caller Of(string? municipality, params string[] roles) =>
        new("sub", "test", roles.ToHashSet(StringComparer.Ordinal), municipality, "mds", new HashSet<string> { "pilar" });

    private static bool Allowed(Caller caller) => Record.Exception(() => CapacityAccess.EnsureMayChange(caller, Tekopora)) is null;

    [Fact]
    public void An_officer_changes_the_capacity_of_their_institution_where_they_serve_only()
    {
        Assert.True(Allowed(Officer("mds", "laurel", "pilar")));
        Assert.False(Allowed(Officer("mds", "laurel")));
        Assert.False(Allowed(Officer("mspbs", "pilar")));
        Assert.False(Allowed(Officer(null, "pilar")));
    }

    [Theory]
    [InlineData(BoardsRoles.MinistryAdmin, null, true)]
    [InlineData(BoardsRoles.FocalPoint, "pilar", true)]
    [InlineData(BoardsRoles.FocalPoint, "laurel", false)]
    [InlineData(BoardsRoles.MinistryAnalyst, null, false)]
    [InlineData(BoardsRoles.Integrator, null, false)]
    public void The_other_roles_keep_the_catalog_rule_even_with_the_institution_and_municipalities_claims(string role, string? municipality, bool allowed) =>
        Assert.Equal(allowed, Allowed(Of(municipality, role)));

    [Fact]
    public void Refusals_are_403_with_a_spanish_reason()
    {
        var elsewhere = Assert.Throws<ForbiddenException>(() => CapacityAccess.EnsureMayChangeIn(Officer("mds", "laurel"), "pilar"));
        var other = Assert.Throws<ForbiddenException>(() => CapacityAccess.EnsureMayChange(Officer("mspbs", "pilar"), Tekopora));

        Assert.Equal(
            "Como funcionario de 'mds' usted no atiende en 'pilar': solo cambia la capacidad de los servicios de su institución en los municipios que atiende.",
            elsewhere.Message);
        Assert.Contains("es de la institución 'mds'", other.Message);
    }
}
