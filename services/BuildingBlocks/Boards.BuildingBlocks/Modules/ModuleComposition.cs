using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Boards.BuildingBlocks.Modules;

/// <summary>
/// Boards' modules run each in its own process (services mode) or all in one (the monolith host): docs/architecture.md,
/// "Two shapes". A module registers itself the same way in both. What modules share in a process (the message bus,
/// the API pipeline, health, gRPC infrastructure) is set up once, by the first module that asks for it; only the bus
/// waits for the host, since it needs every module's consumers at once.
/// </summary>
public static class ModuleComposition
{
    private const string ComposedKey = "Boards.Modules.Composed";

    /// <summary>
    /// Called by a host that composes several modules, before it adds them: their consumers are then collected, and
    /// <see cref="Messaging.MessagingExtensions.AddComposedBus"/> puts them all on one bus.
    /// </summary>
    public static IHostApplicationBuilder ComposeModules(this IHostApplicationBuilder builder)
    {
        builder.Properties[ComposedKey] = new ComposedModules();
        return builder;
    }

    internal static ComposedModules? Composed(this IHostApplicationBuilder builder) =>
        builder.Properties.TryGetValue(ComposedKey, out var composed) ? (ComposedModules)composed : null;

    /// <summary>True the first time it is asked for <typeparamref name="TPart"/> in this service collection: the caller then sets that part up.</summary>
    internal static bool FirstTime<TPart>(this IServiceCollection services)
        where TPart : class
    {
        if (services.Any(d => d.ServiceType == typeof(SharedPart<TPart>)))
        {
            return false;
        }

        services.AddSingleton<SharedPart<TPart>>();
        return true;
    }

    /// <summary>True the first time it is asked for <paramref name="part"/> in this application's pipeline.</summary>
    internal static bool FirstTime(this IApplicationBuilder app, string part)
    {
        var key = $"Boards.Modules.{part}";
        if (app.Properties.ContainsKey(key))
        {
            return false;
        }

        app.Properties[key] = true;
        return true;
    }

    private sealed class SharedPart<TPart>;
}

/// <summary>What the modules of a composed host have asked for so far.</summary>
internal sealed class ComposedModules
{
    public List<MessagingModule> Messaging { get; } = [];
}

/// <summary>A module's consumers, put on the shared bus by the host.</summary>
internal sealed record MessagingModule(string ServiceName, Action<IBusRegistrationConfigurator>? ConfigureConsumers);
