using Boards.Gateway.Routing;

namespace Boards.Gateway.ApiReference;

/// <summary>One service's REST API as the gateway describes it: its OpenAPI document at <see cref="Path"/>.</summary>
public sealed record ApiDocument(string Name, string Cluster, string Title, string Description)
{
    public string Path => $"/openapi/{Name}.json";

    /// <summary>
    /// The paths the gateway forwards to this service ("/api/referrals" for "/api/referrals/{**rest}"): the document keeps
    /// only these, so that it describes what a caller of the gateway can reach.
    /// </summary>
    public IReadOnlyList<string> RoutedPrefixes { get; } = GatewayRoutes.Routes
        .Where(route => route.ClusterId == Cluster && route.Match.Path!.EndsWith(GatewayRoutes.RestSuffix, StringComparison.Ordinal))
        .Select(route => route.Match.Path![..^GatewayRoutes.RestSuffix.Length])
        .ToList();

    /// <summary>The service's own document, at the address the REST cluster resolves through service discovery.</summary>
    public Uri Upstream => new(
        GatewayRoutes.Clusters.Single(cluster => cluster.ClusterId == Cluster).Destinations!.Values.Single().Address.TrimEnd('/')
        + "/openapi/v1.json");
}
