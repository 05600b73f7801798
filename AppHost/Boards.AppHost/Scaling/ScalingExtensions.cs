using System.Globalization;

namespace Boards.AppHost.Scaling;

public static class ScalingExtensions
{
    /// <summary>
    /// Adds <see cref="BoardsScale.Replicas"/> processes of one project: replica 1 named <paramref name="name"/>, the
    /// others "{name}-2", … . <paramref name="configure"/> runs for each with the replica's port offset.
    /// </summary>
    public static ServiceReplicas AddBoardsService<TProject>(this IDistributedApplicationBuilder builder, string name, BoardsScale scale,
        Action<IResourceBuilder<ProjectResource>, int> configure)
        where TProject : IProjectMetadata, new()
    {
        var replicas = new List<IResourceBuilder<ProjectResource>>();
        for (var replica = 1; replica <= scale.Replicas; replica++)
        {
            var project = builder.AddProject<TProject>(BoardsScale.ReplicaName(name, replica), launchProfileName: null);
            configure(project, scale.Offset(replica));
            replicas.Add(project);
        }

        return new ServiceReplicas(name, replicas);
    }

    /// <summary>
    /// Every endpoint of every replica of <paramref name="service"/>, under the service's name: replica 1 through
    /// Aspire's reference (services__{name}__{endpoint}__0), replica i as services__{name}__{endpoint}__{i - 1}.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithReplicasOf(this IResourceBuilder<ProjectResource> project, ServiceReplicas service)
    {
        project.WithReference(service.First);
        for (var index = 1; index < service.All.Count; index++)
        {
            var replica = service.All[index];
            foreach (var endpoint in replica.Resource.Annotations.OfType<EndpointAnnotation>())
            {
                project.WithEnvironment(
                    $"services__{service.Name}__{endpoint.Name}__{index.ToString(CultureInfo.InvariantCulture)}",
                    replica.GetEndpoint(endpoint.Name));
            }
        }

        return project;
    }
}
