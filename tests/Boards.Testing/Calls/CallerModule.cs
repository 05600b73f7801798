using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.Testing.Calls;

/// <summary>
/// The calling module's side of a call between modules, as its own registration sets it up from its settings (the
/// callee's address, the timeout): the gRPC adapter exactly as services mode runs it. Only what the call needs is
/// resolved; the rest of that registration (a handler's database) is not built here.
/// </summary>
public static class CallerModule
{
    public static ServiceProvider Build(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection> register)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        register(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
