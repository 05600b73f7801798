using Boards.Monitoring.Domain.OpenData;

namespace Boards.Monitoring.Tests.Integration.OpenData;

/// <summary>A municipality's quarter of the pulse as the JSON prints it, read back: each figure with its n, by indicator and age band.</summary>
public sealed class OpenPulse(JsonElement municipality)
{
    private static readonly Dictionary<string, string> Bands = new()
    {
        ["15_29"] = "15_29", ["30_64"] = "30_64", ["65_o_mas"] = "65_plus", ["no_indicado"] = "unknown",
    };

    public JsonElement Json { get; } = municipality;

    public IEnumerable<JsonElement> Figures => Json.GetProperty("cifras").EnumerateArray();

    public (Figure Value, int? Answers) Get(string indicator, string? ageBand = null)
    {
        var line = Assert.Single(Figures, f =>
            f.GetProperty("indicador").GetString() == indicator && f.GetProperty("rango_edad").GetString() == ageBand);
        var value = line.GetProperty("valor");
        var answers = line.GetProperty("respuestas");
        var figure = line.GetProperty("estado").GetString() switch
        {
            "publicado" => Figure.Of(value.GetDouble()),
            "suprimido" => value.ValueKind == JsonValueKind.Null && answers.ValueKind == JsonValueKind.Null
                ? Figure.Suppressed
                : throw new InvalidOperationException("A withheld figure printed a value or its answers."),
            "sin_datos" => value.ValueKind == JsonValueKind.Null ? Figure.NoData : throw new InvalidOperationException("A figure without data printed a value."),
            var other => throw new InvalidOperationException($"Unknown status {other}."),
        };
        return (figure, answers.ValueKind == JsonValueKind.Null ? null : answers.GetInt32());
    }

    /// <summary>A mean by age band exactly as published, for the attacker (age bands back in Participation's codes).</summary>
    public PublishedBreakdown Breakdown(string indicator) => new(
        Mean(indicator, null),
        [.. Bands.Select(b => new PublishedBand(b.Value, Mean(indicator, b.Key)))]);

    private PublishedMean Mean(string indicator, string? ageBand)
    {
        var (value, answers) = Get(indicator, ageBand);
        return value.Status == FigureStatus.Suppressed ? PublishedMean.Withheld : new PublishedMean(value, Figure.Of(answers!.Value));
    }
}
