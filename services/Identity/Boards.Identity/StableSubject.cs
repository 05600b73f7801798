using System.Security.Cryptography;
using System.Text;

namespace Boards.Identity;

/// <summary>UUID-shaped subjects that never change for the same name, like Keycloak's user ids.</summary>
public static class StableSubject
{
    public static string For(string name)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes("boards-identity:" + name), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8: application-defined
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true).ToString();
    }
}
