using Boards.BuildingBlocks.Background;
using Microsoft.Extensions.Options;

namespace Boards.Notifications.Features.Common;

/// <summary>One pass of background work (the fan-out, a sweep, the e-mail dispatch), run in a scope of its own.</summary>
public interface IPeriodicPass
{
    /// <summary>One pass; answers how much it did (what it wrote, sent or announced).</summary>
    Task<int> RunAsync(CancellationToken cancellationToken);
}

/// <summary>Runs <typeparamref name="TPass"/> at start and then every interval its settings give.</summary>
public sealed class PeriodicPassService<TPass>(IServiceScopeFactory scopes, string name, TimeSpan interval, TimeProvider clock, ILogger<TPass> logger)
    : BackgroundService
    where TPass : IPeriodicPass
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync(name, interval, clock, logger, async ct =>
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TPass>().RunAsync(ct);
        }, stoppingToken);
}

public static class PeriodicPassRegistration
{
    /// <summary>Registers the pass (scoped) and the service that runs it every <paramref name="interval"/>.</summary>
    public static IServiceCollection AddPeriodicPass<TPass, TOptions>(this IServiceCollection services, string name, Func<TOptions, TimeSpan> interval)
        where TPass : class, IPeriodicPass
        where TOptions : class
    {
        services.AddScoped<TPass>();
        services.AddHostedService(sp => new PeriodicPassService<TPass>(
            sp.GetRequiredService<IServiceScopeFactory>(), name,
            interval(sp.GetRequiredService<IOptions<TOptions>>().Value),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<TPass>>()));
        return services;
    }
}
