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
        var connectionString = Tuned(configured);

        // Pooled: a request reuses a context instead of building one (its service provider lookups showed in profiles).
        builder.Services.AddDbContextPool<TDbContext>((services, options) =>
        {
            options.UseNpgsql(connectionString);
            // A module with messaging: its commits wake its own relay.
            if (services.GetService<OutboxSignals>() is { } signals)
            {
                options.AddInterceptors(new OutboxSignalInterceptor(signals.For<TDbContext>()));
            }
        });
        builder.Services.AddHealthChecks().AddDbContextCheck<TDbContext>(connectionName);
        return builder;
    }

    /// <summary>
    /// Two pool settings, each kept when the connection string sets its own value (docs/performance.md, "The cost of one
    /// referral"):
    /// <list type="bullet">
    /// <item>Npgsql prepares the statements a service runs again and again (the same few EF Core queries per request), so
    /// PostgreSQL stops parsing and planning them on every call.</item>
    /// <item>A connection back from the pool is not reset: without it, every open made PostgreSQL run seven statements
    /// (<c>RESET ALL</c>, <c>DISCARD TEMP</c>, <c>pg_advisory_unlock_all()</c>, …) before the first query, about 0.1 ms of
    /// CPU per open on both sides, and a create opens a connection about ten times across the services. Nothing here
    /// leaves session state behind: no session <c>SET</c>, no temporary table, no <c>LISTEN</c>; the migration lock, the
    /// one session lock, is released in a <c>finally</c>. An open transaction is still rolled back on return.</item>
    /// </list>
    /// </summary>
    public static string Tuned(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var raw = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!raw.ContainsKey("Max Auto Prepare"))
        {
            settings.MaxAutoPrepare = 50;
        }

        if (!raw.ContainsKey("No Reset On Close"))
        {
            settings.NoResetOnClose = true;
        }

        return settings.ConnectionString;
    }
}
