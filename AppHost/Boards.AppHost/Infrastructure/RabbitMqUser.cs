using System.Globalization;

namespace Boards.AppHost.Infrastructure;

/// <summary>
/// The bus's own user (<see cref="LocalInfrastructure.BusUser"/>, its password from <see cref="LocalSecrets"/>) instead of
/// guest, and the Erlang ports (epmd, 4369, and the distribution port) on loopback only. A fresh node is created with
/// that user (RABBITMQ_DEFAULT_USER); a one-shot step after start makes sure of it on an older node and deletes guest.
/// </summary>
public static class RabbitMqUser
{
    public static string NodeName(LocalSettings settings) => $"boards-{settings.RabbitMqPort.ToString(CultureInfo.InvariantCulture)}@localhost";

    /// <summary>The server's environment (for <c>env</c>): node, ports, folders, the first user, and loopback for Erlang.</summary>
    public static string[] Environment(LocalSettings settings)
    {
        var data = Path.Combine(settings.DataDirectory, "rabbitmq");
        return
        [
            "HOME=/var/lib/rabbitmq",
            $"RABBITMQ_NODENAME={NodeName(settings)}",
            "RABBITMQ_NODE_IP_ADDRESS=127.0.0.1",
            $"RABBITMQ_NODE_PORT={settings.RabbitMqPort.ToString(CultureInfo.InvariantCulture)}",
            $"RABBITMQ_DIST_PORT={settings.RabbitMqDistributionPort.ToString(CultureInfo.InvariantCulture)}",
            "ERL_EPMD_ADDRESS=127.0.0.1",
            "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS=-kernel inet_dist_use_interface {127,0,0,1}",
            $"RABBITMQ_DEFAULT_USER={LocalInfrastructure.BusUser}",
            $"RABBITMQ_DEFAULT_PASS={LocalSecrets.Get(settings.DataDirectory, "rabbitmq")}",
            $"RABBITMQ_MNESIA_BASE={data}/mnesia",
            $"RABBITMQ_LOG_BASE={data}/log",
            $"RABBITMQ_ENABLED_PLUGINS_FILE={data}/enabled_plugins",
            "RABBITMQ_LOGS=-",
        ];
    }

    public static IResourceBuilder<IResource> Add(IDistributedApplicationBuilder builder, LocalSettings settings, IResourceBuilder<IResource> rabbitMq)
    {
        var password = Path.Combine(settings.DataDirectory, "secrets", "rabbitmq");
        LocalSecrets.Get(settings.DataDirectory, "rabbitmq");
        var ctl = $"setpriv --reuid=rabbitmq --regid=rabbitmq --init-groups -- env HOME=/var/lib/rabbitmq ERL_EPMD_ADDRESS=127.0.0.1 " +
                  $"/usr/lib/rabbitmq/bin/rabbitmqctl -q -n {NodeName(settings)}";
        var user = LocalInfrastructure.BusUser;
        return builder.AddExecutable("rabbitmq-user", "bash", settings.DataDirectory, "-c",
                $"""
                 set -e
                 if {ctl} list_users | grep -q '^{user}\b'; then
                   {ctl} change_password {user} "$(cat '{password}')"
                 else
                   {ctl} add_user {user} "$(cat '{password}')"
                 fi
                 {ctl} set_user_tags {user} administrator
                 {ctl} set_permissions -p / {user} '.*' '.*' '.*'
                 {ctl} delete_user guest 2>/dev/null || true
                 echo "Bus user ready"
                 """)
            .WaitFor(rabbitMq)
            .ExcludeFromManifest();
    }
}
