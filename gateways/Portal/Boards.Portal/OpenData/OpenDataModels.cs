using System.Text.Json.Serialization;

namespace Boards.Portal.OpenData;

/// <summary>The gateway's /open/v1/municipios.json (docs/open-data.md): the public registry and the months published.</summary>
public sealed record OpenDataIndex(
    [property: JsonPropertyName("mes_actual")] string CurrentMonth,
    [property: JsonPropertyName("meses")] IReadOnlyList<string> Months,
    [property: JsonPropertyName("municipios")] IReadOnlyList<OpenDataMunicipality> Municipalities);

public sealed record OpenDataMunicipality(
    [property: JsonPropertyName("municipio")] string Code,
    [property: JsonPropertyName("municipio_nombre")] string Name,
    [property: JsonPropertyName("departamento")] string Department);
