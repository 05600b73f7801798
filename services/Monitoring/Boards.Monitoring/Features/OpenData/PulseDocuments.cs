using System.Text.Json.Serialization;
using Boards.Monitoring.Domain.OpenData;

namespace Boards.Monitoring.Features.OpenData;

/// <summary>One figure of the pulse as printed (a CSV row without the quarter's and municipality's columns, or one JSON object).</summary>
public sealed record PulseLine(
    [property: JsonPropertyName("indicador")] string Indicator,
    [property: JsonPropertyName("rango_edad")] string? AgeBand,
    [property: JsonPropertyName("valor")] double? Value,
    [property: JsonPropertyName("respuestas")] int? Answers,
    [property: JsonPropertyName("estado")] string Status)
{
    public static PulseLine Of(string indicator, string? ageBand, PublishedMean mean) => new(
        indicator, ageBand, mean.Value.Value, mean.Answers.Value is { } n ? (int)n : null,
        OpenDataVocabulary.Status(mean.Answers.Status == FigureStatus.Suppressed ? FigureStatus.Suppressed : mean.Value.Status));

    public static PulseLine Count(string indicator, Figure count) =>
        new(indicator, null, count.Value, null, OpenDataVocabulary.Status(count.Status));
}

public sealed record MunicipalityPulse(
    [property: JsonPropertyName("municipio")] string Code,
    [property: JsonPropertyName("municipio_nombre")] string Name,
    [property: JsonPropertyName("departamento")] string Department,
    [property: JsonPropertyName("cifras")] IReadOnlyList<PulseLine> Figures);

/// <summary>A quarter's pulse, for every municipality or for one.</summary>
public sealed record PulseQuarterDocument(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("trimestre")] string Quarter,
    [property: JsonPropertyName("provisional")] bool Provisional,
    [property: JsonPropertyName("umbral_supresion")] int Threshold,
    [property: JsonPropertyName("licencia")] string License,
    [property: JsonPropertyName("diccionario")] string Dictionary,
    [property: JsonPropertyName("municipios")] IReadOnlyList<MunicipalityPulse> Municipalities);

public static class PulseLines
{
    /// <summary>Every figure of a municipality's quarter, in the dictionary's order; the whole before its age bands.</summary>
    public static IReadOnlyList<PulseLine> Of(PublishedPulse pulse)
    {
        var lines = new List<PulseLine>
        {
            PulseLine.Count(OpenDataVocabulary.SlipsPrinted, pulse.SlipsPrinted),
            PulseLine.Of(OpenDataVocabulary.ResponseRate, null, pulse.ResponseRate),
        };
        Breakdown(lines, OpenDataVocabulary.TrustIndex, pulse.Trust);
        lines.Add(PulseLine.Of(OpenDataVocabulary.Voice, null, pulse.Voice));
        Breakdown(lines, OpenDataVocabulary.EndowmentShare, pulse.EndowmentShare);
        return lines;
    }

    private static void Breakdown(List<PulseLine> lines, string indicator, PublishedBreakdown breakdown)
    {
        lines.Add(PulseLine.Of(indicator, null, breakdown.Overall));
        lines.AddRange(breakdown.Bands.Select(b => PulseLine.Of(indicator, OpenDataVocabulary.AgeBand(b.AgeBand), b.Mean)));
    }
}
