using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Boards.BuildingBlocks.Tests.Infrastructure;

/// <summary>Looks at the real broker directly, with the RabbitMQ client (the management HTTP API is not available).</summary>
public static class RabbitAdmin
{
    /// <summary>Messages ready in <paramref name="queue"/> and its consumers; null when the queue does not exist.</summary>
    public static async Task<(uint Messages, uint Consumers)?> InspectAsync(string queue)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            var ok = await channel.QueueDeclarePassiveAsync(queue);
            return (ok.MessageCount, ok.ConsumerCount);
        }
        catch (OperationInterruptedException exception) when (exception.ShutdownReason?.ReplyCode == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// "quorum" or "classic" for an existing durable queue, null when there is none. Without the management API: the
    /// broker refuses to declare a queue again with another x-queue-type (PRECONDITION_FAILED, naming that argument), so
    /// declaring it as a quorum queue succeeds for a quorum queue only, and changes nothing. The broker compares the
    /// number of members too: <paramref name="quorumMembers"/> must be what the queue was declared with (refused otherwise).
    /// </summary>
    public static async Task<string?> QueueTypeAsync(string queue, int? quorumMembers = null)
    {
        if (await InspectAsync(queue) is null)
        {
            return null;
        }

        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            var arguments = new Dictionary<string, object?> { ["x-queue-type"] = "quorum" };
            if (quorumMembers is { } members)
            {
                arguments["x-quorum-initial-group-size"] = members;
            }

            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: arguments);
            return "quorum";
        }
        catch (OperationInterruptedException exception)
            when (exception.ShutdownReason is { ReplyCode: 406 } reason && reason.ReplyText.Contains("'x-queue-type'", StringComparison.Ordinal))
        {
            return "classic";
        }
    }

    /// <summary>
    /// Whether <paramref name="queue"/> exists and belongs to another connection alone (an exclusive queue, such as a
    /// temporary endpoint's): the broker refuses even a look from here (RESOURCE_LOCKED). A quorum queue is never exclusive.
    /// </summary>
    public static async Task<bool> IsExclusiveToAnotherConnectionAsync(string queue)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await channel.QueueDeclarePassiveAsync(queue);
            return false;
        }
        catch (OperationInterruptedException exception) when (exception.ShutdownReason?.ReplyCode == 405)
        {
            return true;
        }
    }

    /// <summary>Takes a look at the first message of <paramref name="queue"/> without removing it.</summary>
    public static async Task<(string? MessageId, string Body)?> PeekAsync(string queue)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        var result = await channel.BasicGetAsync(queue, autoAck: false);
        if (result is null)
        {
            return null;
        }

        var peeked = (result.BasicProperties.MessageId, System.Text.Encoding.UTF8.GetString(result.Body.Span));
        await channel.BasicNackAsync(result.DeliveryTag, multiple: false, requeue: true);
        return peeked;
    }

    /// <summary>Removes what MassTransit declared for one receive endpoint, so test runs leave nothing behind.</summary>
    public static async Task DeleteEndpointAsync(string queue)
    {
        await using var connection = await ConnectAsync();
        foreach (var name in new[] { queue, queue + "_error", queue + "_skipped" })
        {
            await IgnoreMissingAsync(connection, channel => channel.QueueDeleteAsync(name, ifUnused: false, ifEmpty: false));
            await IgnoreMissingAsync(connection, channel => channel.ExchangeDeleteAsync(name, ifUnused: false));
        }
    }

    private static async Task IgnoreMissingAsync(IConnection connection, Func<IChannel, Task> action)
    {
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await action(channel);
        }
        catch (OperationInterruptedException exception) when (exception.ShutdownReason?.ReplyCode == 404)
        {
            // Never declared: nothing to remove.
        }
    }

    private static Task<IConnection> ConnectAsync() =>
        new ConnectionFactory { Uri = new Uri(TestSettings.RabbitMq), ClientProvidedName = "boards-buildingblocks-tests" }.CreateConnectionAsync();
}
