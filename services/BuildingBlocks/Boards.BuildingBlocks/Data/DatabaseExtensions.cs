using Boards.BuildingBlocks.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Boards.BuildingBlocks.Data;

public static class DatabaseExtensions
{
    /// <summary>Registers a service's own PostgreSQL database from the connection string named <paramref name="connectionName"/>.</summary>
    public static IHostApplicationBuilder AddServiceDatabase<TDbContext>(this IHostApplicationBuilder builder, string connectionName)
        where TDbContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
                               ?? throw new InvalidOperationException(
                                   $"La cadena de conexión '{connectionName}' no está configurada (ConnectionStrings:{connectionName}).");

        builder.Services.AddDbContext<TDbContext>((services, options) =>
        {
            options.UseNpgsql(connectionString);
            var interceptor = services.GetService<OutboxSignalInterceptor>();
            if (interceptor is not null)
            {
                options.AddInterceptors(interceptor);
            }
        });
        builder.Services.AddHealthChecks().AddDbContextCheck<TDbContext>(connectionName);
        return builder;
    }
}
