using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Boards.BuildingBlocks.Api.Calls;

public static class InProcessCallsRegistration
{
    /// <summary>What a module's in-process adapters run on (<see cref="InProcessCalls"/>); once per process, whichever module asks first.</summary>
    public static IServiceCollection AddInProcessCalls(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddAuthorizationCore();
        services.TryAddSingleton<InProcessCalls>();
        return services;
    }
}
