using System.IO.Pipelines;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;

namespace Boards.Bench.MailRelay;

/// <summary>
/// SmtpServer's own listener leaves Nagle's algorithm on. MailKit pipelines MAIL FROM, RCPT TO and DATA, the library
/// writes their replies one by one, and the second reply then waits for the client's delayed acknowledgement: 40 ms per
/// e-mail, measured here (44 ms per message, against 0.3 ms for a client that does not pipeline). A production relay
/// answers a pipelined group at once, so the stand-in sends each reply as soon as it is written. No TLS: the stand-in
/// has no certificate, so STARTTLS is never offered.
/// </summary>
public sealed class NoDelayListenerFactory : IEndpointListenerFactory
{
    public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
    {
        var listener = new TcpListener(endpointDefinition.Endpoint);
        listener.Start();
        return new Listener(listener);
    }

    private sealed class Listener(TcpListener listener) : IEndpointListener
    {
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            var client = await listener.AcceptTcpClientAsync(cancellationToken);
            client.NoDelay = true;
            return new PlainPipe(client);
        }

        public void Dispose() => listener.Stop();
    }

    private sealed class PlainPipe(TcpClient client) : ISecurableDuplexPipe
    {
        private readonly NetworkStream _stream = client.GetStream();

        public PipeReader Input => field ??= PipeReader.Create(_stream);

        public PipeWriter Output => field ??= PipeWriter.Create(_stream);

        public bool IsSecure => false;

        public SslProtocols SslProtocol => SslProtocols.None;

        public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("El relé de correo del banco no tiene certificado: no ofrece STARTTLS.");

        public void Dispose()
        {
            _stream.Dispose();
            client.Dispose();
        }
    }
}
