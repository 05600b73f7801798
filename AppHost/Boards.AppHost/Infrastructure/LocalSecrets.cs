using System.Security.Cryptography;

namespace Boards.AppHost.Infrastructure;

/// <summary>
/// The passwords of local mode: one per database role and one for the bus, made at random the first time and kept in
/// <c>{DataDirectory}/secrets/{name}</c> (readable by root only), so that they survive restarts and belong to this
/// machine's data, never to the repository. Tests and the benchmark read them from there.
/// </summary>
public static class LocalSecrets
{
    public static string Get(string dataDirectory, string name)
    {
        var folder = Path.Combine(dataDirectory, "secrets");
        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var path = Path.Combine(folder, name);
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } existing)
        {
            return existing;
        }

        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        File.WriteAllText(path, secret);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return secret;
    }
}
