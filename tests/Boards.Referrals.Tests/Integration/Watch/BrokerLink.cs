using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Boards.Referrals.Tests.Integration.Watch;

/// <summary>
/// A TCP relay between one replica and the REAL broker, which a test can cut as a network failure or a broker restart
/// would: every open connection is reset at once; new connections go through again.
/// </summary>
internal sealed class BrokerLink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _broker;
    private readonly ConcurrentDictionary<Socket, byte> _sockets = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public BrokerLink(string brokerUri)
    {
        _broker = new Uri(brokerUri);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The broker's URI with this relay's port: what the replica connects to.</summary>
    public string Uri => new UriBuilder(_broker) { Port = ((IPEndPoint)_listener.LocalEndpoint).Port }.Uri.ToString();

    /// <summary>Resets every connection through the relay.</summary>
    public void Cut()
    {
        foreach (var socket in _sockets.Keys)
        {
            Close(socket);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Cut();
        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket replica;
            try
            {
                replica = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = RelayAsync(replica);
        }
    }

    private async Task RelayAsync(Socket replica)
    {
        var broker = new Socket(SocketType.Stream, ProtocolType.Tcp);
        _sockets[replica] = 0;
        _sockets[broker] = 0;
        try
        {
            await broker.ConnectAsync(_broker.Host, _broker.Port, _stop.Token);
            await Task.WhenAny(PumpAsync(replica, broker), PumpAsync(broker, replica));
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            Close(replica);
            Close(broker);
        }
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private void Close(Socket socket)
    {
        if (!_sockets.TryRemove(socket, out _))
        {
            return;
        }

        try
        {
            // A reset, not a polite close: as when the network or the broker goes away.
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
        }
    }
}
