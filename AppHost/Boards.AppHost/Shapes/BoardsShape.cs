using Microsoft.Extensions.Configuration;

namespace Boards.AppHost.Shapes;

/// <summary>
/// How the modules run (setting Shape, docs/configuration.md "Two shapes"): <see cref="Services"/>, each module its own
/// process (the default), or <see cref="Monolith"/>, every module in the one process services/Monolith. Identity, the
/// gateway and the portal are their own processes in both.
/// </summary>
public enum BoardsShape
{
    Services,
    Monolith,
}

public static class BoardsShapes
{
    public const string Setting = "Shape";

    public static BoardsShape From(IConfiguration configuration) => configuration[Setting]?.Trim().ToLowerInvariant() switch
    {
        null or "" or "services" => BoardsShape.Services,
        "monolith" => BoardsShape.Monolith,
        var other => throw new InvalidOperationException($"{Setting} debe ser 'services' o 'monolith' (se recibió '{other}')."),
    };
}
