using System.Security.Cryptography;
using System.Text;

namespace Boards.Notifications.Features.Email;

/// <summary>
/// The Message-ID of each e-mail is fixed by what it carries, so that if one is ever sent again (the service stopped
/// between the server's "accepted" and our record of it) the copy has the same id and mail systems can drop it.
/// </summary>
public static class MessageIds
{
    private const string Domain = "mesas.boards";

    public static string For(Guid notificationId) => $"aviso.{notificationId:N}@{Domain}";

    /// <summary>One digest per person and due time, whatever attempt sends it.</summary>
    public static string ForDigest(string subject, DateTimeOffset dueAt)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{subject}|{dueAt.UtcDateTime:O}"));
        return $"resumen.{Convert.ToHexStringLower(hash.AsSpan(0, 16))}@{Domain}";
    }
}
