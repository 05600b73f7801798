using Boards.Portal.Live;

namespace Boards.Portal.Tests;

/// <summary>
/// Issue 21: every signal event was delivered to each portal instance's live queue, whether a page was open or not. The
/// queue is there only while a live stream is open (and <see cref="LivePortalHost.IdleTime"/> after), and a stream gets
/// every signal from the moment its headers arrive.
/// </summary>
public sealed class LiveQueueTests : IAsyncLifetime
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(10);
    private readonly LivePortalHost _host = new();

    public Task InitializeAsync()
    {
        _host.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_live_queue_exists_only_while_a_page_listens_and_a_page_that_opens_after_it_went_hears_again()
    {
        var client = _host.NewClient();

        // No page open: a signal's event is not delivered to this portal.
        Assert.Null(_host.Queue.Endpoint.QueueName);
        var unheard = await _host.NotifyFocalPointAsync();
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.False(_host.Consumed.Of(unheard));
        Assert.Null(_host.Queue.Endpoint.QueueName);

        // A page opens its stream: the queue consumes before the headers, and the page is told to fetch itself once,
        // for what changed while the queue was starting; a signal published right after reaches it.
        var first = await LiveStreamReader.OpenAsync(client, LiveTopics.Notifications);
        var queue = _host.Queue.Endpoint.QueueName;
        Assert.NotNull(queue);
        Assert.StartsWith($"{LiveQueue.QueuePrefix}-", queue, StringComparison.Ordinal);
        Assert.True(_host.Queue.Endpoint.IsConsuming);
        Assert.True(await LivePortalHost.QueueExistsAsync(queue));
        Assert.Equal((LiveTopics.Notifications, "conectado"), await first.NextAsync(Delivery));
        Assert.Equal((LiveTopics.Notifications, "cambio"), await first.NextAsync(Delivery));
        var heard = await _host.NotifyFocalPointAsync();
        Assert.Equal((LiveTopics.Notifications, "cambio"), await first.NextAsync(Delivery));
        Assert.True(_host.Consumed.Of(heard));

        // The last page goes: the queue stays for the idle time, then the broker has it no more.
        await first.DisposeAsync();
        await WaitUntilAsync(() => _host.Queue.Endpoint.Listeners == 0, "the stream to be released");
        Assert.True(await LivePortalHost.QueueExistsAsync(queue));
        await WaitUntilAsync(() => _host.Queue.Endpoint.QueueName is null, "the live queue to go");
        for (var tries = 0; await LivePortalHost.QueueExistsAsync(queue); tries++)
        {
            Assert.True(tries < 100, $"The broker still has {queue}.");
            await Task.Delay(100);
        }

        var unheardAgain = await _host.NotifyFocalPointAsync();
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.False(_host.Consumed.Of(unheardAgain));

        // A page opens again: a new queue, and the signals reach it again.
        await using var second = await LiveStreamReader.OpenAsync(client, LiveTopics.Notifications);
        Assert.NotEqual(queue, _host.Queue.Endpoint.QueueName);
        Assert.Equal((LiveTopics.Notifications, "conectado"), await second.NextAsync(Delivery));
        Assert.Equal((LiveTopics.Notifications, "cambio"), await second.NextAsync(Delivery));
        var heardAgain = await _host.NotifyFocalPointAsync();
        Assert.Equal((LiveTopics.Notifications, "cambio"), await second.NextAsync(Delivery));
        Assert.True(_host.Consumed.Of(heardAgain));
    }

    [Fact]
    public async Task A_page_that_opens_while_the_queue_consumes_is_not_told_to_fetch_itself_and_hears_the_next_signal()
    {
        var client = _host.NewClient();
        await using var first = await LiveStreamReader.OpenAsync(client, LiveTopics.Notifications);
        Assert.Equal((LiveTopics.Notifications, "conectado"), await first.NextAsync(Delivery));
        Assert.Equal((LiveTopics.Notifications, "cambio"), await first.NextAsync(Delivery));

        await using var second = await LiveStreamReader.OpenAsync(client, $"{LiveTopics.Referrals},{LiveTopics.Notifications}");
        Assert.Equal((LiveTopics.Referrals, "conectado"), await second.NextAsync(Delivery));
        Assert.Equal((LiveTopics.Notifications, "conectado"), await second.NextAsync(Delivery));
        Assert.Null(await second.NextAsync(TimeSpan.FromSeconds(1)));

        await _host.NotifyFocalPointAsync();
        Assert.Equal((LiveTopics.Notifications, "cambio"), await second.NextAsync(Delivery));
        Assert.Equal((LiveTopics.Notifications, "cambio"), await first.NextAsync(Delivery));
        Assert.Equal(2, _host.Queue.Endpoint.Listeners);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited 20 s for {what}.");
            await Task.Delay(50);
        }
    }
}
