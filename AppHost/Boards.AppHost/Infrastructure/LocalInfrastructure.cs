using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.AppHost.Infrastructure;

/// <summary>
/// No container engine: PostgreSQL and RabbitMQ from the operating system's packages (and smtp4dev, the mail server,
/// <see cref="LocalMailServer"/>), started as executables on
/// fixed loopback ports, each as its own system user (setpriv execs, so stop signals reach the server itself),
/// with data under Infrastructure:DataDirectory (default .data/local in the repository).
/// Each service reaches PostgreSQL as its own role, with a password, and only its own database (scram-sha-256 over TCP;
/// no trust); the bus has its own user instead of guest; every port, the Erlang ones included, listens on loopback only
/// (docs/configuration.md, "Local mode").
/// </summary>
public static class LocalInfrastructure
{
    /// <summary>The rabbitmq user the services connect as.</summary>
    public const string BusUser = "boards";

    public static BoardsInfrastructure Add(IDistributedApplicationBuilder builder, IReadOnlyList<string> databases)
    {
        var settings = LocalSettings.From(builder);
        var postgres = AddPostgres(builder, settings);
        var roles = PostgresRoles.Add(builder, settings, postgres, databases);
        var rabbitMq = AddRabbitMq(builder, settings);
        var busUser = RabbitMqUser.Add(builder, settings, rabbitMq);

        var connections = new Dictionary<string, IResourceBuilder<IResourceWithConnectionString>>();
        var port = settings.PostgresPort.ToString(CultureInfo.InvariantCulture);
        var busPassword = LocalSecrets.Get(settings.DataDirectory, "rabbitmq");
        var rabbitMqConnection = builder.AddConnectionString("rabbitmq-amqp",
            ReferenceExpression.Create($"amqp://{BusUser}:{busPassword}@127.0.0.1:{settings.RabbitMqPort.ToString(CultureInfo.InvariantCulture)}"));

        return new BoardsInfrastructure(
            name => connections.TryGetValue(name, out var db)
                ? db
                : connections[name] = builder.AddConnectionString(name, ReferenceExpression.Create(
                    $"Host=127.0.0.1;Port={port};Username={PostgresRoles.RoleOf(name)};Password={LocalSecrets.Get(settings.DataDirectory, PostgresRoles.RoleOf(name))};Database={name}")),
            rabbitMqConnection,
            MailServer.HasOutsideRelay(builder.Configuration)
                ? MailServer.FromConfiguration(builder.Configuration)
                : LocalMailServer.Add(builder, settings.DataDirectory),
            [postgres, rabbitMq],
            [roles, busUser]);
    }

    private static IResourceBuilder<IResource> AddPostgres(IDistributedApplicationBuilder builder, LocalSettings settings)
    {
        var data = Path.Combine(settings.DataDirectory, "postgres");
        var sockets = Path.Combine(settings.DataDirectory, "postgres-run");
        var initdb = Path.Combine(settings.PostgresBin, "initdb");
        // Over TCP every role needs its password; on the socket only the postgres system user, as itself (peer).
        // Written at every start, so a data folder made with trust by an earlier version is closed too.
        var init = builder.AddExecutable("postgres-init", "bash", settings.DataDirectory, "-c",
                $"""
                 set -e
                 mkdir -p '{data}' '{sockets}'
                 chown postgres:postgres '{data}' '{sockets}'
                 chmod 700 '{data}' '{sockets}'
                 if [ ! -f '{data}/PG_VERSION' ]; then
                   setpriv --reuid=postgres --regid=postgres --init-groups -- '{initdb}' -D '{data}' -U postgres --auth-local=peer --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8
                 fi
                 printf '%s\n' 'local all postgres peer' 'host all all 127.0.0.1/32 scram-sha-256' 'host all all ::1/128 scram-sha-256' > '{data}/pg_hba.conf'
                 chown postgres:postgres '{data}/pg_hba.conf'
                 echo "PostgreSQL data ready in {data}"
                 """)
            .ExcludeFromManifest();

        builder.Services.AddHealthChecks().Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
            "postgres-ready", _ => new PostgresReadyCheck(settings.PostgresPort), null, null));

        return builder.AddExecutable("postgres", "setpriv", settings.DataDirectory,
                "--reuid=postgres", "--regid=postgres", "--init-groups", "--",
                Path.Combine(settings.PostgresBin, "postgres"), "-D", data, "-p", settings.PostgresPort.ToString(CultureInfo.InvariantCulture),
                "-k", sockets, "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300", "-c", "password_encryption=scram-sha-256")
            .WithEndpoint(name: "tcp", port: settings.PostgresPort, targetPort: settings.PostgresPort, scheme: "tcp", isProxied: false)
            .WaitForCompletion(init)
            .WithHealthCheck("postgres-ready")
            .ExcludeFromManifest();
    }

    private static IResourceBuilder<IResource> AddRabbitMq(IDistributedApplicationBuilder builder, LocalSettings settings)
    {
        var data = Path.Combine(settings.DataDirectory, "rabbitmq");
        var init = builder.AddExecutable("rabbitmq-init", "bash", settings.DataDirectory, "-c",
                $"""
                 set -e
                 mkdir -p '{data}/mnesia' '{data}/log'
                 chown -R rabbitmq:rabbitmq '{data}'
                 echo "RabbitMQ data ready in {data}"
                 """)
            .ExcludeFromManifest();

        builder.Services.AddHealthChecks().Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
            "rabbitmq-ready", _ => new RabbitMqReadyCheck(settings.RabbitMqPort), null, null));

        var port = settings.RabbitMqPort.ToString(CultureInfo.InvariantCulture);
        return builder.AddExecutable("rabbitmq", "setpriv", data,
                ["--reuid=rabbitmq", "--regid=rabbitmq", "--init-groups", "--", "env", .. RabbitMqUser.Environment(settings), "/usr/lib/rabbitmq/bin/rabbitmq-server"])
            .WithEndpoint(name: "amqp", port: settings.RabbitMqPort, targetPort: settings.RabbitMqPort, scheme: "amqp", isProxied: false)
            .WaitForCompletion(init)
            .WithHealthCheck("rabbitmq-ready")
            .ExcludeFromManifest();
    }
}
