using Boards.Monitoring.Features.Common;

namespace Boards.Monitoring.Tests.Features;

public sealed class MonitoringScopeTests
{
    private static Caller Caller(string? municipality, string? institution, params string[] roles) =>
        new("sub-1", "usuario", roles.ToHashSet(StringComparer.Ordinal), municipality, institution);

    [Theory]
    [InlineData(BoardsRoles.MinistryAnalyst)]
    [InlineData(BoardsRoles.MinistryAdmin)]
    public void Ministry_staff_see_every_municipality(string role)
    {
        var scope = MonitoringScope.For(Caller(null, null, role));

        Assert.Equal(MonitoringScopeKind.AllMunicipalities, scope.Kind);
        Assert.True(scope.Covers("alto-vera"));
        Assert.True(scope.Covers("capiibary"));
    }

    [Fact]
    public void A_focal_point_sees_only_its_own_municipality()
    {
        var scope = MonitoringScope.For(Caller("alto-vera", null, BoardsRoles.FocalPoint));

        Assert.Equal(MonitoringScopeKind.OneMunicipality, scope.Kind);
        Assert.Equal("alto-vera", scope.Municipality);
        Assert.True(scope.Covers("alto-vera"));
        Assert.False(scope.Covers("capiibary"));
    }

    [Fact]
    public void A_focal_point_without_a_municipality_claim_sees_nothing()
    {
        var scope = MonitoringScope.For(Caller(null, null, BoardsRoles.FocalPoint));

        Assert.False(scope.SeesAnything);
        Assert.False(scope.Covers("alto-vera"));
    }

    [Theory]
    [InlineData(BoardsRoles.InstitutionOfficer)]
    [InlineData(BoardsRoles.Integrator)]
    public void Institution_roles_see_nothing_even_with_a_municipality_claim(string role)
    {
        var scope = MonitoringScope.For(Caller("alto-vera", "mds", role));

        Assert.Equal(MonitoringScopeKind.None, scope.Kind);
        Assert.False(scope.Covers("alto-vera"));
    }

    [Fact]
    public void A_caller_without_roles_sees_nothing()
    {
        Assert.False(MonitoringScope.For(Caller("alto-vera", null)).SeesAnything);
    }

    [Fact]
    public void A_ministry_role_widens_a_focal_point_to_everything()
    {
        var scope = MonitoringScope.For(Caller("alto-vera", null, BoardsRoles.FocalPoint, BoardsRoles.MinistryAnalyst));

        Assert.Equal(MonitoringScopeKind.AllMunicipalities, scope.Kind);
        Assert.True(scope.Covers("capiibary"));
    }
}
