extern alias identity;

using Boards.Gateway.Integrators;
using Boards.Gateway.Routing;
using RealmScopes = identity::Boards.Identity.Server.BoardsScopes;

namespace Boards.Gateway.Tests;

/// <summary>Every proxied route has a decision for integrators, and the areas are the realm's client scopes.</summary>
public sealed class IntegratorAreasTests
{
    [Fact]
    public void Every_route_but_the_anonymous_ones_names_its_integrator_area()
    {
        var routes = GatewayRoutes.Routes.Where(route => route.RouteId is not (GatewayRoutes.OpenDataRouteId or GatewayRoutes.PublicPulseRouteId)).Select(route => route.RouteId).ToList();

        Assert.All(routes, route => Assert.True(IntegratorAreas.OfRoute(route) is not null, $"la ruta {route} no tiene área de integrador"));
        Assert.Empty(IntegratorAreas.Routes.Except(routes));
        Assert.All(routes, route => Assert.True(
            IntegratorAreas.OfRoute(route) is IntegratorAreas.AnyArea || IntegratorAreas.All.Contains(IntegratorAreas.OfRoute(route)!)));
    }

    [Fact]
    public void The_areas_are_the_client_scopes_of_the_realm()
    {
        Assert.Equal(RealmScopes.Areas, IntegratorAreas.All.Select(area => IntegratorAreas.ScopePrefix + area));
    }

    [Theory]
    [InlineData("boards-api boards-referrals", "referrals", true)]
    [InlineData("boards-api boards-referrals-extra", "referrals", false)]
    [InlineData("boards-api", "plans", false)]
    [InlineData(null, "plans", false)]
    [InlineData(null, IntegratorAreas.AnyArea, true)]
    public void A_scope_grants_exactly_its_area(string? scope, string area, bool granted)
    {
        Assert.Equal(granted, IntegratorAreas.Grants(scope, area));
    }
}
