using System.Text.Json.Serialization;

namespace Boards.Portal.OpenData;

/// <summary>
/// The gateway's /open/v1/municipios.json (docs/open-data.md): the public registry, the months published, and the
/// pulse's quarters ("2026-T1"; empty from a gateway that does not publish them yet).
/// </summary>
public sealed record OpenDataIndex(
    [property: JsonPropertyName("mes_actual")] string CurrentMonth,
    [property: JsonPropertyName("meses")] IReadOnlyList<string> Months,
    [property: JsonPropertyName("municipios")] IReadOnlyList<OpenDataMunicipality> Municipalities)
{
    [JsonPropertyName("trimestre_actual")]
    public string? CurrentQuarter { get; init; }

    [JsonPropertyName("trimestres")]
    public IReadOnlyList<string> Quarters { get; init; } = [];
}

public sealed record OpenDataMunicipality(
    [property: JsonPropertyName("municipio")] string Code,
    [property: JsonPropertyName("municipio_nombre")] string Name,
    [property: JsonPropertyName("departamento")] string Department);
