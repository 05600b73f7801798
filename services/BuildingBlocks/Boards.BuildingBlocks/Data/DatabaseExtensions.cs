using System.Data.Common;
using Boards.BuildingBlocks.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Boards.BuildingBlocks.Data;

public static class DatabaseExtensions
{
    /// <summary>Registers a service's own PostgreSQL database from the connection string named <paramref name="connectionName"/>.</summary>
    public static IHostApplicationBuilder AddServiceDatabase<TDbContext>(this IHostApplicationBuilder builder, string connectionName)
        where TDbContext : DbContext
    {
        var configured = builder.Configuration.GetConnectionString(connectionName)
                         ?? throw new InvalidOperationException(
                             $"La cadena de conexión '{connectionName}' no está configurada (ConnectionStrings:{connectionName}).");
        var connectionString = WithAutoPrepare(configured);

        // Pooled: a request reuses a context instead of building one (its service provider lookups showed in profiles).
        builder.Services.AddDbContextPool<TDbContext>((services, options) =>
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

    /// <summary>
    /// Npgsql prepares the statements a service runs again and again (the same few EF Core queries per request), so
    /// PostgreSQL stops parsing and planning them on every call. A connection string that sets it keeps its own value.
    /// </summary>
    private static string WithAutoPrepare(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var raw = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!raw.ContainsKey("Max Auto Prepare"))
        {
            settings.MaxAutoPrepare = 50;
        }

        return settings.ConnectionString;
    }
}
