using System.Text.Json.Serialization;
using Boards.Monitoring.Domain.OpenData;

namespace Boards.Monitoring.Features.OpenData;

/// <summary>One figure as printed (a CSV row without the municipality's columns, or one JSON object).</summary>
public sealed record FigureLine(
    [property: JsonPropertyName("indicador")] string Indicator,
    [property: JsonPropertyName("categoria_necesidad")] string? Category,
    [property: JsonPropertyName("valor")] double? Value,
    [property: JsonPropertyName("estado")] string Status)
{
    public static FigureLine Of(string indicator, string? category, Figure figure) =>
        new(indicator, category, figure.Value, OpenDataVocabulary.Status(figure.Status));
}

/// <summary>A registered municipality as the public registry shows it.</summary>
public sealed record OpenMunicipality(
    [property: JsonPropertyName("municipio")] string Code,
    [property: JsonPropertyName("municipio_nombre")] string Name,
    [property: JsonPropertyName("departamento")] string Department,
    [property: JsonPropertyName("departamento_numero")] int DepartmentNumber);

public sealed record MunicipalityFigures(
    [property: JsonPropertyName("municipio")] string Code,
    [property: JsonPropertyName("municipio_nombre")] string Name,
    [property: JsonPropertyName("departamento")] string Department,
    [property: JsonPropertyName("cifras")] IReadOnlyList<FigureLine> Figures);

/// <summary>A month's figures, for every municipality or for one.</summary>
public sealed record MonthDocument(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("mes")] string Month,
    [property: JsonPropertyName("provisional")] bool Provisional,
    [property: JsonPropertyName("umbral_supresion")] int Threshold,
    [property: JsonPropertyName("licencia")] string License,
    [property: JsonPropertyName("diccionario")] string Dictionary,
    [property: JsonPropertyName("municipios")] IReadOnlyList<MunicipalityFigures> Municipalities);

/// <summary>What is published: the registry, the months and the pulse's quarters, oldest first.</summary>
public sealed record IndexDocument(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("licencia")] string License,
    [property: JsonPropertyName("diccionario")] string Dictionary,
    [property: JsonPropertyName("mes_actual")] string CurrentMonth,
    [property: JsonPropertyName("meses")] IReadOnlyList<string> Months,
    [property: JsonPropertyName("municipios")] IReadOnlyList<OpenMunicipality> Municipalities,
    [property: JsonPropertyName("trimestre_actual")] string CurrentQuarter,
    [property: JsonPropertyName("trimestres")] IReadOnlyList<string> Quarters);

public static class FigureLines
{
    /// <summary>Every figure of a municipality's month, in the dictionary's order; categories sorted by code, totals first.</summary>
    public static IReadOnlyList<FigureLine> Of(PublishedMonth month)
    {
        var lines = new List<FigureLine> { FigureLine.Of(OpenDataVocabulary.Sent, null, month.Referrals.Sent) };
        lines.AddRange(month.Referrals.Rows.Select(r => FigureLine.Of(OpenDataVocabulary.Sent, r.Category, r.Sent)));
        lines.Add(FigureLine.Of(OpenDataVocabulary.Closed, null, month.Referrals.Closed));
        lines.AddRange(month.Referrals.Rows.Select(r => FigureLine.Of(OpenDataVocabulary.Closed, r.Category, r.Closed)));
        lines.Add(FigureLine.Of(OpenDataVocabulary.ClosedLoopRate, null, month.Referrals.ClosedLoopRate));
        lines.Add(FigureLine.Of(OpenDataVocabulary.MedianDaysToAccept, null, month.MedianDaysToAccept));
        lines.Add(FigureLine.Of(OpenDataVocabulary.MedianDaysToCounterReferral, null, month.MedianDaysToCounterReferral));
        lines.Add(FigureLine.Of(OpenDataVocabulary.ServiceDaysHeld, null, month.ServiceDaysHeld));
        lines.Add(FigureLine.Of(OpenDataVocabulary.PeopleServed, null, month.PeopleServed));
        lines.Add(FigureLine.Of(OpenDataVocabulary.RosterRepresentativity, null, month.RosterRepresentativity));
        lines.Add(FigureLine.Of(OpenDataVocabulary.AttendanceRepresentativity, null, month.AttendanceRepresentativity));
        lines.Add(FigureLine.Of(OpenDataVocabulary.PlanProgress, null, month.PlanProgress));
        foreach (var gap in month.TopGaps)
        {
            lines.Add(FigureLine.Of(OpenDataVocabulary.GapRank, gap.Category, Figure.Of(gap.Rank)));
            lines.Add(FigureLine.Of(OpenDataVocabulary.GapUnmetDemand, gap.Category, gap.UnmetDemand));
        }

        return lines;
    }
}
