using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Boards.Notifications.Tests.Integration;

/// <summary>
/// A real SMTP server (the SmtpServer library) on a loopback port, in the test process: the service sends to it over TCP
/// with MailKit, and the tests read what it received. Addresses at <see cref="RefusedDomain"/> are refused with a 5xx
/// (a bounce); <see cref="StopAsync"/> and <see cref="StartAsync"/> make an outage.
/// </summary>
public sealed class TestMailServer : IAsyncDisposable
{
    public const string RefusedDomain = "rechazo.test";

    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private readonly ConcurrentDictionary<string, MailHold> _holds = new(StringComparer.OrdinalIgnoreCase);
    private CancellationTokenSource? _running;
    private Task? _server;

    public int Port { get; } = FreePort();

    public IReadOnlyList<ReceivedMail> Received => [.. _received];

    public IReadOnlyList<ReceivedMail> To(string address) =>
        [.. _received.Where(mail => mail.To.Contains(address, StringComparer.OrdinalIgnoreCase))];

    /// <summary>
    /// After <paramref name="letThrough"/> messages to <paramref name="address"/>, the server takes the next one in full
    /// but keeps the sender waiting for its answer until the hold is released (then accepts it).
    /// </summary>
    public MailHold Hold(string address, int letThrough) => _holds[address] = new MailHold(letThrough);

    public Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new ServiceProvider();
        services.Add(new Store(_received, _holds));
        services.Add(new RefuseDomain());
        _running = new CancellationTokenSource();
        _server = new SmtpServer.SmtpServer(options, services).StartAsync(_running.Token);
        return WaitUntilListeningAsync(true);
    }

    public async Task StopAsync()
    {
        if (_running is null)
        {
            return;
        }

        await _running.CancelAsync();
        try
        {
            await _server!;
        }
        catch (OperationCanceledException)
        {
        }

        _running.Dispose();
        _running = null;
        await WaitUntilListeningAsync(false);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task WaitUntilListeningAsync(bool listening)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var probe = new TcpClient();
            var open = false;
            try
            {
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                open = true;
            }
            catch (SocketException)
            {
            }

            if (open == listening)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"The test mail server did not {(listening ? "start" : "stop")} on port {Port}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(ConcurrentQueue<ReceivedMail> received, ConcurrentDictionary<string, MailHold> holds) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            var to = transaction.To.Select(mailbox => mailbox.AsAddress()).ToList();
            foreach (var hold in to.Select(address => holds.GetValueOrDefault(address)).OfType<MailHold>())
            {
                await hold.PassAsync();
            }

            received.Enqueue(new ReceivedMail(
                to,
                message.Subject ?? "",
                message.TextBody ?? "",
                message.HtmlBody ?? "",
                DateTimeOffset.UtcNow,
                message.MessageId ?? "",
                context.SessionId));
            return SmtpResponse.Ok;
        }
    }

    private sealed class RefuseDomain : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!string.Equals(to.Host, RefusedDomain, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>A message as the server received it; <see cref="Session"/> tells the SMTP sessions (connections) apart.</summary>
public sealed record ReceivedMail(IReadOnlyList<string> To, string Subject, string Text, string Html, DateTimeOffset ReceivedAt, string MessageId, Guid Session);

/// <summary>Lets a number of messages through, then holds the next ones until <see cref="Release"/>.</summary>
public sealed class MailHold(int letThrough)
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _passed;

    /// <summary>Completes when a message is being held.</summary>
    public Task Reached => _reached.Task;

    public void Release() => _released.TrySetResult();

    internal async Task PassAsync()
    {
        if (Interlocked.Increment(ref _passed) > letThrough)
        {
            _reached.TrySetResult();
            await _released.Task;
        }
    }
}
