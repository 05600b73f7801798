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

    /// <summary>
    /// The monolith listens on its own ports (Ports:Monolith, Ports:MonolithGrpc: endpoints "http" and "grpc") and on
    /// every module's own (endpoints "referrals-http", "referrals-grpc", …), so whatever reached a module's service
    /// reaches the monolith at the same address. Every endpoint serves every module.
    /// </summary>
    public static ServiceReplicas AddBoardsMonolith(this IDistributedApplicationBuilder builder, ModuleContext context) =>
        builder.AddBoardsService<Projects.Boards_Monolith>(Name, context.Scale, (project, offset) =>
        {
            project.WithKestrelEndpoint("http", context.Ports.Monolith + offset)
                .WithKestrelEndpoint("grpc", context.Ports.MonolithGrpc + offset, http2Only: true);
            foreach (var module in BoardsModule.All)
            {
                foreach (var (endpoint, port, http2Only) in module.Endpoints(context.Ports))
                {
                    project.WithKestrelEndpoint(module.MonolithEndpoint(endpoint), port + offset, http2Only);
                }
            }

            project.WithBoardsDefaults(context.Infrastructure, BoardsModule.All.Select(module => module.Database).ToList(), messaging: true)
                .WithAuthority(context.Identity, context.Issuer)
                .WithNotificationsSettings(context)
                .WithNeedsSettings(context)
                .WithReferralsSettings(context)
                .WithMembershipSettings(context);
        });

    /// <summary>
    /// The caller reaches each module under the module's own name, as in the services shape: services__referrals__http__i
    /// and services__referrals__grpc__i are replica i's referrals endpoints (the same ports as the referrals service's),
    /// and likewise for every module and the endpoints it has in that shape. So the gateway is the same in both shapes.
    /// </summary>
    public static ServiceReplicas WithModulesOf(this ServiceReplicas caller, ServiceReplicas monolith, BoardsPorts ports) => caller.Each(project =>
    {
        foreach (var module in BoardsModule.All)
        {
            foreach (var (endpoint, _, _) in module.Endpoints(ports))
            {
                for (var replica = 0; replica < monolith.All.Count; replica++)
                {
                    project.WithEnvironment(
                        $"services__{module.Name}__{endpoint}__{replica.ToString(CultureInfo.InvariantCulture)}",
                        monolith.All[replica].GetEndpoint(module.MonolithEndpoint(endpoint)));
                }
            }
        }
    }).WaitFor(monolith);
}
