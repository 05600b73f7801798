using System.Buffers;
using System.Net;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Boards.Bench.MailRelay;

/// <summary>
/// What the ministry's SMTP relay is to a deployment, on this machine: a real SMTP server (the SmtpServer library) on a
/// loopback port that takes every message and keeps none. bench.sh starts it before the system, as its own process, and
/// points local mode at it (Infrastructure:Smtp:Host), so that the mail server's own work (smtp4dev parses and stores
/// every e-mail for its web page) neither competes with the system for the machine's cores nor stretches the window in
/// which a create's e-mails are sent. Its CPU is shown but not counted (<see cref="Infrastructure.Cpu.ProcessKind.External"/>);
/// Notifications' work to send each e-mail is counted as before.
/// </summary>
public static class MailRelayStandIn
{
    public const string Option = "--mail-relay";

    public static async Task<int> RunAsync(int port)
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("relay.bench.local")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        var store = new CountingStore();
        services.Add(store);
        services.Add(new NoDelayListenerFactory());

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

        Console.WriteLine($"Relé de correo del banco en 127.0.0.1:{port}: acepta y descarta cada mensaje.");
        try
        {
            await new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }

        Console.WriteLine($"Relé de correo del banco detenido: {store.Messages} mensajes recibidos.");
        return 0;
    }

    private sealed class CountingStore : MessageStore
    {
        private long _messages;

        public long Messages => Interlocked.Read(ref _messages);

        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _messages);
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
