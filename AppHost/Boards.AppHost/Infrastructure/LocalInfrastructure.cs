using Microsoft.Extensions.DependencyInjection;

namespace Boards.AppHost.Infrastructure;

/// <summary>
/// No container engine: PostgreSQL and RabbitMQ from the operating system's packages, started as executables on
/// fixed loopback ports, each as its own system user (setpriv execs, so stop signals reach the server itself),
/// with data under Infrastructure:DataDirectory (default .data/local in the repository).
/// </summary>
public static class LocalInfrastructure
{
    public static BoardsInfrastructure Add(IDistributedApplicationBuilder builder)
    {
        var settings = LocalSettings.From(builder);
        var postgres = AddPostgres(builder, settings);
        var rabbitMq = AddRabbitMq(builder, settings);

        var databases = new Dictionary<string, IResourceBuilder<IResourceWithConnectionString>>();
        var rabbitMqConnection = builder.AddConnectionString("rabbitmq-amqp",
            ReferenceExpression.Create($"amqp://guest:guest@127.0.0.1:{settings.RabbitMqPort.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));

        return new BoardsInfrastructure(
            name => databases.TryGetValue(name, out var db)
                ? db
                : databases[name] = builder.AddConnectionString(name, ReferenceExpression.Create(
                    $"Host=127.0.0.1;Port={settings.PostgresPort.ToString(System.Globalization.CultureInfo.InvariantCulture)};Username=postgres;Database={name}")),
            rabbitMqConnection,
            [postgres, rabbitMq]);
    }

    private static IResourceBuilder<IResource> AddPostgres(IDistributedApplicationBuilder builder, LocalSettings settings)
    {
        var data = Path.Combine(settings.DataDirectory, "postgres");
        var sockets = Path.Combine(settings.DataDirectory, "postgres-run");
        var initdb = Path.Combine(settings.PostgresBin, "initdb");
        var init = builder.AddExecutable("postgres-init", "bash", settings.DataDirectory, "-c",
                $"""
                 set -e
                 mkdir -p '{data}' '{sockets}'
                 chown postgres:postgres '{data}' '{sockets}'
                 chmod 700 '{data}'
                 if [ ! -f '{data}/PG_VERSION' ]; then
                   setpriv --reuid=postgres --regid=postgres --init-groups -- '{initdb}' -D '{data}' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8
                 fi
                 echo "PostgreSQL data ready in {data}"
                 """)
            .ExcludeFromManifest();

        builder.Services.AddHealthChecks().Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
            "postgres-ready", _ => new PostgresReadyCheck(settings.PostgresPort), null, null));

        return builder.AddExecutable("postgres", "setpriv", settings.DataDirectory,
                "--reuid=postgres", "--regid=postgres", "--init-groups", "--",
                Path.Combine(settings.PostgresBin, "postgres"), "-D", data, "-p", settings.PostgresPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-k", sockets, "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300")
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

        var port = settings.RabbitMqPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return builder.AddExecutable("rabbitmq", "setpriv", data,
                "--reuid=rabbitmq", "--regid=rabbitmq", "--init-groups", "--",
                "env", "HOME=/var/lib/rabbitmq",
                $"RABBITMQ_NODENAME=boards-{port}@localhost",
                "RABBITMQ_NODE_IP_ADDRESS=127.0.0.1",
                $"RABBITMQ_NODE_PORT={port}",
                $"RABBITMQ_DIST_PORT={settings.RabbitMqDistributionPort}",
                $"RABBITMQ_MNESIA_BASE={data}/mnesia",
                $"RABBITMQ_LOG_BASE={data}/log",
                $"RABBITMQ_ENABLED_PLUGINS_FILE={data}/enabled_plugins",
                "RABBITMQ_LOGS=-",
                "/usr/lib/rabbitmq/bin/rabbitmq-server")
            .WithEndpoint(name: "amqp", port: settings.RabbitMqPort, targetPort: settings.RabbitMqPort, scheme: "amqp", isProxied: false)
            .WaitForCompletion(init)
            .WithHealthCheck("rabbitmq-ready")
            .ExcludeFromManifest();
    }
}
