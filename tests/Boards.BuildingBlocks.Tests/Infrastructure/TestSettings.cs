namespace Boards.BuildingBlocks.Tests.Infrastructure;

/// <summary>Where the real PostgreSQL and RabbitMQ are (eng/infra.sh starts them on these ports).</summary>
public static class TestSettings
{
    public static string Postgres =>
        Environment.GetEnvironmentVariable("BOARDS_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : "Host=127.0.0.1;Port=56432;Username=postgres";

    public static string RabbitMq =>
        Environment.GetEnvironmentVariable("BOARDS_TEST_RABBITMQ") is { Length: > 0 } value
            ? value
            : "amqp://guest:guest@127.0.0.1:56672";

    /// <summary>A broker address where nothing listens: port 1 on loopback refuses every connection.</summary>
    public const string UnreachableRabbitMq = "amqp://guest:guest@127.0.0.1:1";

    /// <summary>Short, unique and lowercase: safe in database, queue and exchange names.</summary>
    public static string NewRunId() => Guid.NewGuid().ToString("N")[..12];
}
