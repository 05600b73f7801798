namespace Boards.Planning.Domain;

/// <summary>
/// Optimistic concurrency on what a person read: a change names the version of the objective, action or proposal it
/// was made on (expectedVersion), and a stale one is refused instead of overwriting someone else's change.
/// </summary>
public static class ExpectedVersion
{
    /// <summary>expectedVersion is required where two people could overwrite each other; collected with the other field errors.</summary>
    public static void Require(FieldErrors errors, long? expected, string what)
    {
        if (expected is not (>= 1))
        {
            errors.Add("expectedVersion", $"Indique la versión de {what} que leyó (expectedVersion).");
        }
    }

    public static void Ensure(long expected, long current, string what)
    {
        if (expected != current)
        {
            throw new ConcurrencyConflictException($"{Capitalized(what)} está en la versión {current} y usted leyó la {expected}: vuelva a leerla antes de cambiarla.");
        }
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
