using System.Globalization;
using Boards.AppHost.Scaling;

namespace Boards.AppHost.Shapes;

/// <summary>
/// The monolith shape (Shape=monolith): every module in one process, services/Monolith, as many replicas as
/// Scale:Replicas. It gets what the services shape gives the eight services together, except their addresses for one
/// another: the calls between modules stay in the process.
/// </summary>
public static class Monolith
{
    public const string Name = "monolith";

    public static ServiceReplicas AddBoardsMonolith(this IDistributedApplicationBuilder builder, ModuleContext context) =>
        builder.AddBoardsService<Projects.Boards_Monolith>(Name, context.Scale, (project, offset) => project
            .WithKestrelEndpoint("http", context.Ports.Monolith + offset)
            .WithKestrelEndpoint("grpc", context.Ports.MonolithGrpc + offset, http2Only: true)
            .WithBoardsDefaults(context.Infrastructure, BoardsModule.All.Select(module => module.Database).ToList(), messaging: true)
            .WithAuthority(context.Identity, context.Issuer)
            .WithNotificationsSettings(context)
            .WithNeedsSettings(context)
            .WithReferralsSettings(context)
            .WithMembershipSettings(context));

    /// <summary>
    /// The caller reaches each module under the module's own name, as in the services shape: services__referrals__http__i
    /// and services__referrals__grpc__i are the monolith's replica i, and likewise for every module and the endpoints it
    /// has in that shape. So the gateway's routes and settings are the same in both shapes.
    /// </summary>
    public static ServiceReplicas WithModulesOf(this ServiceReplicas caller, ServiceReplicas monolith) => caller.Each(project =>
    {
        foreach (var module in BoardsModule.All)
        {
            foreach (var endpoint in module.Endpoints)
            {
                for (var replica = 0; replica < monolith.All.Count; replica++)
                {
                    project.WithEnvironment(
                        $"services__{module.Name}__{endpoint}__{replica.ToString(CultureInfo.InvariantCulture)}",
                        monolith.All[replica].GetEndpoint(endpoint));
                }
            }
        }
    }).WaitFor(monolith);
}
