using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Boards.AppHost.Infrastructure;

/// <summary>
/// PostgreSQL is ready when it answers: a query, or a refusal of the credentials (class 28). Roles get their passwords
/// only once it is ready (<see cref="PostgresRoles"/>), so the check cannot sign in before that.
/// </summary>
public sealed class PostgresReadyCheck(int port) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=boards_probe;Password=sonda;Database=postgres;Timeout=3;Pooling=false");
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (PostgresException exception) when (exception.SqlState.StartsWith("28", StringComparison.Ordinal))
        {
            return HealthCheckResult.Healthy("PostgreSQL responde (rechazó las credenciales de la sonda).");
        }
        catch (Exception exception) when (exception is NpgsqlException or SocketException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy(exception.Message);
        }
    }
}

/// <summary>RabbitMQ is ready when it answers the AMQP 0-9-1 protocol header with a Connection.Start frame.</summary>
public sealed class RabbitMqReadyCheck(int port) : IHealthCheck
{
    private static readonly byte[] ProtocolHeader = "AMQP\0\0\u0009\u0001"u8.ToArray();

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(ProtocolHeader, timeout.Token);
            var frame = new byte[1];
            var read = await stream.ReadAsync(frame, timeout.Token);
            return read == 1 && frame[0] == 1 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("RabbitMQ no respondió al protocolo AMQP.");
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException or IOException)
        {
            return HealthCheckResult.Unhealthy(exception.Message);
        }
    }
}

/// <summary>
/// The mail server is ready when SMTP greets with 220 and its web API, where the mailboxes are read, takes connections.
/// </summary>
public sealed class SmtpReadyCheck(int smtpPort, int webPort) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            using var smtp = new TcpClient();
            await smtp.ConnectAsync("127.0.0.1", smtpPort, timeout.Token);
            var stream = smtp.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
            var greeting = await reader.ReadLineAsync(timeout.Token);
            if (greeting is null || !greeting.StartsWith("220", StringComparison.Ordinal))
            {
                return HealthCheckResult.Unhealthy($"El servidor de correo no saludó con 220: '{greeting}'.");
            }

            await stream.WriteAsync("QUIT\r\n"u8.ToArray(), timeout.Token);
            using var web = new TcpClient();
            await web.ConnectAsync("127.0.0.1", webPort, timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException or IOException)
        {
            return HealthCheckResult.Unhealthy(exception.Message);
        }
    }
}
