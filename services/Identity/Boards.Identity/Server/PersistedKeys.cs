using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Boards.Identity.Server;

/// <summary>
/// RSA keys kept as PEM files, so tokens and refresh tokens stay valid across restarts, and every replica that reads the
/// same folder (a shared volume, or a mounted secret) signs with the same key. Development certificates would need a
/// user certificate store; plain files behave the same for root, CI and a developer.
/// </summary>
internal static class PersistedKeys
{
    public static RsaSecurityKey Load(string folder, string name, bool createIfMissing)
    {
        var path = Path.Combine(folder, name + ".pem");
        if (!File.Exists(path))
        {
            if (!createIfMissing)
            {
                throw new InvalidOperationException(
                    $"Identity:KeysPath: no existe {path}. Fuera de Development las claves vienen de un secreto montado, el mismo " +
                    "para todas las réplicas (docs/identity.md, \"Signing keys\"); Identity:Keys:CreateIfMissing=true las crea en un solo nodo.");
            }

            Directory.CreateDirectory(folder);
            TryCreate(path);
        }

        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(path));
        var key = new RsaSecurityKey(rsa);
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }

    // Two instances may start together: write to a private temp file, then move it into place without overwriting,
    // so exactly one key wins and both read it.
    private static void TryCreate(string path)
    {
        using var rsa = RSA.Create(2048);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temp, rsa.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
        }
    }
}
