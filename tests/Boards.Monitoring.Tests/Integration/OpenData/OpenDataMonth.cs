using Boards.Monitoring.Domain.OpenData;

namespace Boards.Monitoring.Tests.Integration.OpenData;

/// <summary>A municipality's month as the JSON prints it, read back: each figure by indicator and category.</summary>
public sealed class OpenDataMonth(JsonElement municipality)
{
    public JsonElement Json { get; } = municipality;

    public IEnumerable<JsonElement> Figures => Json.GetProperty("cifras").EnumerateArray();

    public Figure Get(string indicator, string? category = null)
    {
        var line = Assert.Single(Figures, f =>
            f.GetProperty("indicador").GetString() == indicator && f.GetProperty("categoria_necesidad").GetString() == category);
        var value = line.GetProperty("valor");
        return line.GetProperty("estado").GetString() switch
        {
            "publicado" => Figure.Of(value.GetDouble()),
            "suprimido" => value.ValueKind == JsonValueKind.Null ? Figure.Suppressed : throw new InvalidOperationException("A withheld figure printed a value."),
            "sin_datos" => value.ValueKind == JsonValueKind.Null ? Figure.NoData : throw new InvalidOperationException("A figure without data printed a value."),
            var other => throw new InvalidOperationException($"Unknown status {other}."),
        };
    }

    public IReadOnlyList<string> Categories(string indicator) => Figures
        .Where(f => f.GetProperty("indicador").GetString() == indicator && f.GetProperty("categoria_necesidad").GetString() is not null)
        .Select(f => f.GetProperty("categoria_necesidad").GetString()!)
        .ToList();

    /// <summary>The referral cohort exactly as published, for the attacker.</summary>
    public PublishedCohort Cohort() => new(
        Categories("referencias_enviadas").Select(c => new PublishedCohortRow(c, Get("referencias_enviadas", c), Get("referencias_cerradas", c))).ToList(),
        Get("referencias_enviadas"),
        Get("referencias_cerradas"),
        Get("tasa_ciclo_cerrado"));
}
