using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// Tokens a service must refuse, made from a real one: expired and for another audience (signed with the identity
/// provider's own key, read from .data/identity, so only the claim is wrong), badly signed, unsigned, and garbage.
/// </summary>
public static class BadTokens
{
    public static IReadOnlyList<(string Kind, string Token)> From(string valid)
    {
        var parts = valid.Split('.');
        var header = JsonNode.Parse(Decode(parts[0]))!.AsObject();
        var payload = JsonNode.Parse(Decode(parts[1]))!.AsObject();
        using var providerKey = ProviderKey();
        using var otherKey = RSA.Create(2048);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var expired = payload.DeepClone().AsObject();
        expired["iat"] = now - 7200;
        expired["nbf"] = now - 7200;
        expired["exp"] = now - 3600;
        var otherAudience = payload.DeepClone().AsObject();
        otherAudience["aud"] = "otra-api";
        var unsigned = header.DeepClone().AsObject();
        unsigned["alg"] = "none";

        return
        [
            ("expired", Sign(header, expired, providerKey ?? otherKey)),
            ("wrong-audience", Sign(header, otherAudience, providerKey ?? otherKey)),
            ("badly-signed", Sign(header, payload, otherKey)),
            ("unsigned", $"{Encode(unsigned.ToJsonString())}.{parts[1]}."),
            ("truncated", valid[..(valid.Length / 2)]),
            ("garbage", "no-es-un-token"),
        ];
    }

    /// <summary>Whether the expired and wrong-audience tokens carry a valid signature (the key file was found).</summary>
    public static bool ProviderKeyFound => KeyPath() is not null;

    private static RSA? ProviderKey()
    {
        if (KeyPath() is not { } path)
        {
            return null;
        }

        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(path));
        return rsa;
    }

    private static string? KeyPath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, ".data", "identity", "signing-key.pem");
            if (File.Exists(Path.Combine(directory.FullName, "Boards.sln")))
            {
                return File.Exists(path) ? path : null;
            }
        }

        return null;
    }

    private static string Sign(JsonObject header, JsonObject payload, RSA key)
    {
        var content = $"{Encode(header.ToJsonString())}.{Encode(payload.ToJsonString())}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(content), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{content}.{Base64Url(signature)}";
    }

    private static string Decode(string part)
    {
        var padded = part.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        return Encoding.UTF8.GetString(Convert.FromBase64String(padded));
    }

    private static string Encode(string json) => Base64Url(Encoding.UTF8.GetBytes(json));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
