using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Boards.Testing;

/// <summary>The REAL RabbitMQ of the integration tests (eng/infra.sh starts it): queues are looked at and removed directly.</summary>
public static class TestRabbitMq
{
    /// <summary>BOARDS_TEST_RABBITMQ, or the broker eng/infra.sh starts.</summary>
    public static string Uri =>
        Environment.GetEnvironmentVariable("BOARDS_TEST_RABBITMQ") is { Length: > 0 } configured
            ? configured
            : "amqp://guest:guest@127.0.0.1:56672";

    /// <summary>Whether the queue exists and how many consumers it has.</summary>
    public static async Task<(bool Exists, uint Consumers)> InspectQueueAsync(string queue)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            var declared = await channel.QueueDeclarePassiveAsync(queue);
            return (true, declared.ConsumerCount);
        }
        catch (OperationInterruptedException)
        {
            return (false, 0);
        }
    }

    /// <summary>
    /// Whether the queue exists, also when it is exclusive to another connection (a temporary queue of a service's own):
    /// the broker then refuses to show it (RESOURCE_LOCKED) rather than saying it is not there (NOT_FOUND).
    /// </summary>
    public static async Task<bool> QueueExistsAsync(string queue)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await channel.QueueDeclarePassiveAsync(queue);
            return true;
        }
        catch (OperationInterruptedException exception) when (exception.ShutdownReason?.ReplyCode is 404 or 405)
        {
            return exception.ShutdownReason.ReplyCode == 405;
        }
    }

    /// <summary>Deletes each named queue and the exchange of the same name (as MassTransit declares them).</summary>
    public static async Task DeleteQueuesAndExchangesAsync(params string[] names)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        foreach (var name in names)
        {
            await channel.QueueDeleteAsync(name);
            await channel.ExchangeDeleteAsync(name);
        }
    }

    private static Task<IConnection> ConnectAsync() => new ConnectionFactory { Uri = new System.Uri(Uri) }.CreateConnectionAsync();
}
