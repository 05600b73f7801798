using System.Globalization;

namespace Boards.Portal.Board;

public static class BoardLinks
{
    /// <summary>
    /// The board after a change: <c>hecho</c> names the change, <c>antes</c> carries the representativity score before it,
    /// so that the page can say how the change moved the score (the new one is already computed: Membership assesses
    /// in the same transaction as the change).
    /// </summary>
    public static string Done(string code, string what, decimal? scoreBefore) =>
        $"/mesa/{Uri.EscapeDataString(code)}?hecho={what}" +
        (scoreBefore is { } score ? "&antes=" + score.ToString("0.##", CultureInfo.InvariantCulture) : "");
}
