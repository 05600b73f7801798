using System.Globalization;

namespace Boards.Planning.Features.Common;

/// <summary>How the CSV export and the printable page write numbers (decimal comma, es-PY), dates (dd/MM/yyyy) and indicators.</summary>
public static class PlanFormat
{
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-PY");

    public static string Indicators(ActionView action) => string.Join(" | ", action.Indicators.Select(i =>
        $"{i.Name}: {Number(i.Baseline)} → {Number(i.Target)} {i.Unit} (actual: {(i.CurrentValue is { } v ? Number(v) : "—")})"));

    public static string Number(decimal value) => value.ToString("0.##", Spanish);

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
