using Microsoft.Extensions.Configuration.Json;

namespace Boards.Monolith;

/// <summary>
/// Each module keeps its settings in its own appsettings.json. The host reads them all (copied under modules/ at build)
/// beneath its own sources, so the host's file, the environment and the command line still override any of them,
/// as they override a service's own file in services mode.
/// </summary>
public static class ModuleSettings
{
    public static WebApplicationBuilder AddModuleSettings(this WebApplicationBuilder builder)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "modules");
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToArray() : [];
        if (files.Length == 0)
        {
            throw new InvalidOperationException($"No se encontró la configuración de los módulos en '{folder}'.");
        }

        for (var i = 0; i < files.Length; i++)
        {
            var source = new JsonConfigurationSource { Path = files[i], Optional = false, ReloadOnChange = false };
            source.ResolveFileProvider();
            builder.Configuration.Sources.Insert(i, source);
        }

        return builder;
    }
}
