using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Boards.Notifications.Features.Email;

/// <summary>What a failed send means for the message: try again later, or give up on this address.</summary>
public static class SmtpFailure
{
    /// <summary>The server is unreachable or the session broke: every message waits, however long the outage.</summary>
    public static bool IsOutage(Exception exception) =>
        exception is SocketException or IOException or ServiceNotConnectedException or SmtpProtocolException or TimeoutException
            or OperationCanceledException or SslHandshakeException
        || exception.InnerException is SocketException;

    /// <summary>A 5xx about the recipient: the address is refused (bounced) and never retried.</summary>
    public static bool IsRefusedAddress(Exception exception) =>
        exception is SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } command && (int)command.StatusCode >= 500;

    /// <summary>A 5xx about anything else: permanent for this message.</summary>
    public static bool IsPermanent(Exception exception) =>
        exception is SmtpCommandException command && (int)command.StatusCode >= 500;

    public static string Describe(Exception exception) => exception switch
    {
        SmtpCommandException command => $"El servidor de correo respondió {(int)command.StatusCode}: {command.Message}",
        _ when IsOutage(exception) => $"El servidor de correo no responde: {exception.Message}",
        _ => exception.Message,
    };
}
