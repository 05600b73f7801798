using Boards.BuildingBlocks.Api.Calls;
using Boards.Needs.Contracts.Calls;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Boards.Needs.Api.InProcess;

public static class InProcessRegistration
{
    /// <summary>
    /// Needs' side of the calls other modules make to it (docs/architecture.md, "Calls between modules"). Replace, not
    /// TryAdd: in one process with Needs, the in-process catalog wins over a caller's gRPC client whichever module was
    /// added first. In Needs' own service nobody asks for it.
    /// </summary>
    public static IServiceCollection AddNeedsInProcessCalls(this IServiceCollection services)
    {
        services.AddInProcessCalls();
        services.Replace(ServiceDescriptor.Singleton<IOfferCatalog, InProcessOfferCatalog>());
        return services;
    }
}
