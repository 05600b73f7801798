using Microsoft.Extensions.Configuration;

using System.Diagnostics;

namespace Boards.AppHost.Infrastructure;

public static class InfrastructureModes
{
    public const string Local = "local";
    public const string Containers = "containers";
    public const string External = "external";

    /// <summary>Infrastructure:Mode when set; otherwise containers if a container engine answers, else local.</summary>
    public static string Resolve(IConfiguration configuration)
    {
        var configured = configuration["Infrastructure:Mode"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var mode = configured.Trim().ToLowerInvariant();
            return mode is Local or Containers or External
                ? mode
                : throw new InvalidOperationException($"Infrastructure:Mode '{configured}' no es válido: use local, containers o external.");
        }

        return ContainerEngineAnswers() ? Containers : Local;
    }

    public static BoardsInfrastructure AddBoardsInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var mode = Resolve(builder.Configuration);
        return mode switch
        {
            Local => LocalInfrastructure.Add(builder, BoardsInfrastructure.Databases),
            Containers => ContainerInfrastructure.Add(builder),
            _ => ExternalInfrastructure.Add(builder),
        };
    }

    private static bool ContainerEngineAnswers()
    {
        foreach (var engine in new[] { "docker", "podman" })
        {
            try
            {
                using var process = Process.Start(new ProcessStartInfo(engine, "info")
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                });
                if (process is null)
                {
                    continue;
                }

                if (process.WaitForExit(TimeSpan.FromSeconds(5)) && process.ExitCode == 0)
                {
                    return true;
                }

                process.Kill(entireProcessTree: true);
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed.
            }
        }

        return false;
    }
}
