using Npgsql;

namespace Boards.Bench.Infrastructure.Cpu;

/// <summary>
/// The loopback ports by which the harness finds each process of a local system: the gateway and identity from its
/// options, the other services and the monolith (Shape=monolith: every module in one process) from Ports__* (the
/// AppHost's defaults, BoardsPorts and docs/configuration.md),
/// PostgreSQL from the connection string, RabbitMQ from Infrastructure__RabbitMqPort, the mail relay stand-in from
/// Infrastructure__Smtp__Port, and Aspire's own ports (the
/// dashboard's UI and OTLP intake, the AppHost's resource service) from the AppHost's launch profile.
/// </summary>
public static class SystemPorts
{
    public static IReadOnlyDictionary<int, ProcessRole> For(BenchOptions options)
    {
        var roles = new Dictionary<int, ProcessRole>
        {
            [options.GatewayUrl.Port] = ProcessRole.Service("gateway"),
            [options.GatewayGrpcUrl.Port] = ProcessRole.Service("gateway"),
            [options.IdentityRealm.Port] = ProcessRole.Service("identity"),
            [new NpgsqlConnectionStringBuilder(options.Postgres).Port] = ProcessRole.Postgres,
            [Port("Infrastructure__RabbitMqPort", 55672)] = ProcessRole.RabbitMq,
            [Port("Ports__Mail", 5025)] = ProcessRole.Mail,
            // The relay stand-in bench.sh starts in smtp4dev's place (MailRelay/MailRelayStandIn.cs).
            [Port("Infrastructure__Smtp__Port", 2526)] = ProcessRole.MailRelay,
            [18888] = ProcessRole.Dashboard,
            [18889] = ProcessRole.Dashboard,
            [18890] = ProcessRole.AppHost,
            [Port("Ports__Monolith", 5201)] = ProcessRole.Monolith,
            [Port("Ports__MonolithGrpc", 5202)] = ProcessRole.Monolith,
        };
        foreach (var (service, http) in new[]
                 {
                     ("referrals", 5101), ("monitoring", 5111), ("membership", 5121), ("needs", 5131), ("servicedays", 5141),
                     ("planning", 5151), ("notifications", 5161), ("participation", 5171), ("portal", 5090),
                 })
        {
            var name = char.ToUpperInvariant(service[0]) + service[1..];
            roles.TryAdd(Port($"Ports__{(service == "servicedays" ? "ServiceDays" : name)}", http), ProcessRole.Service(service));
        }

        return roles;
    }

    private static int Port(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), out var port) ? port : fallback;
}
