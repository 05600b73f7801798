using System.Text.RegularExpressions;

namespace Boards.Deploy.Tests;

/// <summary>
/// The cluster and `./run.sh` configure the same services: every setting the AppHost gives a project has a value in that
/// project's Deployment, so a setting added to the AppHost fails here until the manifests have it too.
/// </summary>
public sealed partial class AppHostDriftTests
{
    /// <summary>Keycloak stands in for the development identity provider in a cluster (docs/identity.md).</summary>
    private const string ReplacedByKeycloak = "identity";

    /// <summary>
    /// Aspire's development telemetry shows URL query strings; a cluster keeps .NET's redaction. And Aspire 13 writes every
    /// endpoint reference twice, as services__x__y__0 (which .NET's service discovery reads) and as X_Y for other languages.
    /// </summary>
    private static bool AspireOnly(string name) =>
        name is "OTEL_DOTNET_EXPERIMENTAL_ASPNETCORE_DISABLE_URL_QUERY_REDACTION" or "OTEL_DOTNET_EXPERIMENTAL_HTTPCLIENT_DISABLE_URL_QUERY_REDACTION"
        || PolyglotEndpoint().IsMatch(name);

    [GeneratedRegex("^[A-Z]+_(HTTP|GRPC)$")]
    private static partial Regex PolyglotEndpoint();

    /// <summary>
    /// On one machine the monolith also listens on each module's own port (Kestrel endpoint "referrals-http", …); in a
    /// cluster the Services named after the modules are those addresses, on the monolith's one HTTP and one gRPC port.
    /// </summary>
    [GeneratedRegex("^Kestrel__Endpoints__[a-z]+-(http|grpc)__")]
    public static partial Regex ModuleEndpointOfTheMonolith();

    [Theory]
    [MemberData(nameof(Manifests.Overlays), MemberType = typeof(Manifests))]
    public async Task Every_setting_the_AppHost_gives_a_project_is_in_its_Deployment(string overlay)
    {
        var manifests = Manifests.Of(overlay);
        var projects = (await AppHostSettings.ProjectsAsync(Manifests.ShapeOf(overlay))).Where(p => p.Project.Name != ReplacedByKeycloak).ToList();

        // Eight module services, the gateway and the portal; or the monolith, the gateway and the portal.
        Assert.Equal(overlay == Manifests.Monolith ? 3 : 10, projects.Count);
        Assert.All(projects, p =>
        {
            var deployment = manifests.Deployment(p.Project.Name);
            var present = manifests.EnvironmentNames(deployment.Spec.Template.Spec.Containers.Single());
            var missing = p.Names.Where(name => !AspireOnly(name) && !ModuleEndpointOfTheMonolith().IsMatch(name) && !present.Contains(name)).Order().ToList();
            Assert.True(missing.Count == 0, $"{p.Project.Name}: falta {string.Join(", ", missing)}");
        });
    }

    [Theory]
    [MemberData(nameof(Manifests.Overlays), MemberType = typeof(Manifests))]
    public async Task The_cluster_runs_the_AppHosts_projects_and_Keycloak_and_nothing_else(string overlay)
    {
        var projects = (await AppHostSettings.ProjectsAsync(Manifests.ShapeOf(overlay))).Select(p => p.Project.Name).Where(n => n != ReplacedByKeycloak);

        Assert.Equal(projects.Append("keycloak").Order(), Manifests.Of(overlay).All<k8s.Models.V1Deployment>().Select(d => d.Metadata.Name).Order());
    }
}
