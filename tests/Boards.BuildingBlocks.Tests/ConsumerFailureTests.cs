namespace Boards.BuildingBlocks.Tests;

/// <summary>
/// AddBoardsMessaging: transient failures retry in place; what still fails lands in the consumer's _error queue,
/// never acknowledged away. Nothing acknowledged is ever lost.
/// </summary>
public sealed class ConsumerFailureTests : MessagingTest
{
    /// <summary>The retry policy waits 0.2 + 1 + 3 + 10 seconds before giving up.</summary>
    private static readonly TimeSpan RetriesAndThenSome = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_consumer_that_keeps_failing_is_retried_and_its_message_lands_in_the_error_queue()
    {
        var host = await StartHostAsync();
        var (_, outbox) = await WriteChangeAsync(failTimes: int.MaxValue);
        var errorQueue = host.ConsumerQueue + "_error";

        Assert.Equal(1, await host.Relay.PublishPendingAsync(CancellationToken.None));

        await Eventually.HoldsAsync(
            async () => await RabbitAdmin.InspectAsync(errorQueue) is { Messages: > 0 },
            RetriesAndThenSome,
            $"the failed message in {errorQueue}");

        Assert.Equal(5, Probe.Attempts(outbox.Id)); // the first try and four retries
        var inError = await RabbitAdmin.InspectAsync(errorQueue);
        Assert.Equal(1u, inError!.Value.Messages);
        var message = await RabbitAdmin.PeekAsync(errorQueue);
        Assert.Equal(outbox.Id.ToString(), message!.Value.MessageId);
        Assert.Contains(Probe.RunId, message.Value.Body, StringComparison.Ordinal);
        Assert.Equal(0u, (await RabbitAdmin.InspectAsync(host.ConsumerQueue))!.Value.Messages);
        Assert.Equal(0, await HandledCountAsync(outbox.Id)); // every failed attempt rolled back its side effect
        Assert.Equal(0, await InboxCountAsync(outbox.Id)); // not marked as handled: it can be replayed from _error
        Assert.Equal(0, Probe.Consumed(outbox.Id));
    }

    [Fact]
    public async Task A_consumer_that_fails_once_is_retried_and_its_side_effect_is_recorded_once()
    {
        var host = await StartHostAsync();
        var (_, outbox) = await WriteChangeAsync(failTimes: 1);

        Assert.Equal(1, await host.Relay.PublishPendingAsync(CancellationToken.None));

        await Eventually.HoldsAsync(() => Task.FromResult(Probe.Consumed(outbox.Id) == 1), RetriesAndThenSome, "the retried delivery to succeed");
        Assert.Equal(2, Probe.Attempts(outbox.Id));
        Assert.Equal(1, await InboxCountAsync(outbox.Id));
        Assert.Equal(1, await HandledCountAsync(outbox.Id));
        var error = await RabbitAdmin.InspectAsync(host.ConsumerQueue + "_error");
        Assert.True(error is null or { Messages: 0 }, "A message that succeeded on retry must not also be in the error queue.");
    }
}
