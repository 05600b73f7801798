using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Boards.Testing;

/// <summary>
/// Starts a service in Production with the given settings (a database and broker that are never reached) and returns
/// why the start was refused, every inner message included; null when it started.
/// </summary>
public static class ProductionStart
{
    public static string? Refusal<TProgram>(string connectionStringName, IReadOnlyDictionary<string, string?> settings)
        where TProgram : class
    {
        using var factory = new WebApplicationFactory<TProgram>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting($"ConnectionStrings:{connectionStringName}", "Host=127.0.0.1;Port=9;Database=nunca");
            web.UseSetting("ConnectionStrings:rabbitmq", "amqp://guest:guest@127.0.0.1:9");
            web.UseSetting("Identity:Authority", "https://127.0.0.1:9/realms/boards");
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }
        });
        try
        {
            _ = factory.Server;
            return null;
        }
        catch (Exception exception)
        {
            return Flatten(exception);
        }
    }

    private static string Flatten(Exception exception) =>
        exception.InnerException is null ? exception.Message : exception.Message + " | " + Flatten(exception.InnerException);
}
