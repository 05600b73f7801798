using System.Text.RegularExpressions;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace Boards.Deploy.Tests;

/// <summary>
/// The AppHost's two shapes (Shape, docs/configuration.md "Two shapes"): the monolith is given what the eight module
/// services are given together, and the gateway and the portal are the same in front of either.
/// </summary>
public sealed partial class ShapeTests
{
    private static readonly string[] Modules = ["referrals", "monitoring", "membership", "needs", "servicedays", "planning", "notifications", "participation"];

    /// <summary>Settings a module's service has only because the modules are apart: where the others are.</summary>
    private static bool BetweenServices(string name) =>
        name.StartsWith("services__", StringComparison.Ordinal) || name.EndsWith("__Address", StringComparison.Ordinal) || PolyglotEndpoint().IsMatch(name);

    /// <summary>Aspire 13 writes every endpoint reference a second time, as X_Y, for other languages.</summary>
    [GeneratedRegex("^[A-Z]+_(HTTP|GRPC)$")]
    private static partial Regex PolyglotEndpoint();

    [Fact]
    public async Task The_monolith_gets_every_setting_the_services_get_but_their_addresses_for_one_another()
    {
        var services = (await AppHostSettings.ProjectsAsync("services")).Where(p => Modules.Contains(p.Project.Name)).ToList();
        var monolith = (await AppHostSettings.ProjectsAsync("monolith")).Single(p => p.Project.Name == "monolith");

        Assert.Equal(Modules.Order(), services.Select(p => p.Project.Name).Order());
        Assert.Equal(services.SelectMany(p => p.Names).Where(name => !BetweenServices(name)).Distinct().Order(),
            monolith.Names.Where(name => !AppHostDriftTests.ModuleEndpointOfTheMonolith().IsMatch(name)).Order());
        Assert.Contains("Referrals__Needs__Address", services.SelectMany(p => p.Names));
        Assert.Equal(Modules.Select(m => $"ConnectionStrings__{m}db").Append("ConnectionStrings__rabbitmq").Order(),
            monolith.Names.Where(name => name.StartsWith("ConnectionStrings__", StringComparison.Ordinal)).Order());
    }

    /// <summary>Whatever reached a module's service (a test, a tool, a bookmark) reaches the monolith at the same address.</summary>
    [Fact]
    public async Task The_monolith_listens_on_every_modules_own_ports_as_well_as_its_own()
    {
        var services = (await AppHostSettings.ProjectsAsync("services")).Where(p => Modules.Contains(p.Project.Name)).ToList();
        var monolith = (await AppHostSettings.ProjectsAsync("monolith")).Single(p => p.Project.Name == "monolith");
        var listens = monolith.Project.Annotations.OfType<EndpointAnnotation>().ToDictionary(e => e.Name, e => e.Port);

        var expected = services.SelectMany(p => p.Project.Annotations.OfType<EndpointAnnotation>().Select(e => ($"{p.Project.Name}-{e.Name}", e.Port)))
            .Append(("http", 5201)).Append(("grpc", 5202));
        Assert.Equal(expected.Order(), listens.Select(pair => (pair.Key, pair.Value)).Order());
        Assert.Equal(14 + 2, listens.Count);
        Assert.All(listens.Keys.Where(name => name.EndsWith("grpc", StringComparison.Ordinal)), name =>
            Assert.Equal("Http2", monolith.Environment[$"Kestrel__Endpoints__{name}__Protocols"]));
    }

    [Fact]
    public async Task The_monolith_shape_runs_no_module_service()
    {
        var names = (await AppHostSettings.ProjectsAsync("monolith")).Select(p => p.Project.Name);

        Assert.Equal(["gateway", "identity", "monolith", "portal"], names.Order());
    }

    /// <summary>
    /// The gateway's settings have the same names in both shapes; in the monolith's, every module's endpoint is the
    /// monolith's endpoint of that name (http or grpc), so the gateway's routes reach it unchanged.
    /// </summary>
    [Fact]
    public async Task The_gateway_and_the_portal_get_the_same_settings_in_both_shapes_and_the_gateway_finds_every_module_in_the_monolith()
    {
        var services = await AppHostSettings.ProjectsAsync("services");
        var monolith = await AppHostSettings.ProjectsAsync("monolith");

        Assert.All(new[] { "gateway", "portal" }, name => Assert.Equal(
            services.Single(p => p.Project.Name == name).Names.Where(n => !PolyglotEndpoint().IsMatch(n)).Order(),
            monolith.Single(p => p.Project.Name == name).Names.Order()));
        var discovery = monolith.Single(p => p.Project.Name == "gateway").Environment.Where(e => e.Key.StartsWith("services__", StringComparison.Ordinal)).ToList();
        Assert.Equal(14, discovery.Count);
        Assert.All(discovery, setting =>
        {
            var endpoint = Assert.IsType<EndpointReference>(setting.Value);
            Assert.Equal("monolith", endpoint.Resource.Name);
            var parts = setting.Key.Split("__");
            Assert.Equal($"{parts[1]}-{parts[2]}", endpoint.EndpointName);
        });
    }

    [Fact]
    public async Task A_shape_the_AppHost_does_not_know_stops_its_start()
    {
        var failure = await Record.ExceptionAsync(async () =>
        {
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Boards_AppHost>(["Infrastructure:Mode=external", "Shape=monolito"]);
            await using var app = await builder.BuildAsync();
        });

        Assert.NotNull(failure);
        Assert.Contains("Shape debe ser 'services' o 'monolith' (se recibió 'monolito')", failure.ToString(), StringComparison.Ordinal);
    }
}
