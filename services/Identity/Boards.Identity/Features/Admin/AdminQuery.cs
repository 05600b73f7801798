namespace Boards.Identity.Features.Admin;

/// <summary>Query parameters that several admin API lists share, read and checked the same way.</summary>
internal static class AdminQuery
{
    private const int DefaultMax = 100; // Keycloak's Constants.DEFAULT_MAX_RESULTS

    /// <summary>
    /// No parameter may hold control characters (PostgreSQL text cannot hold NUL, and no name or code needs them); then
    /// Keycloak's paging: <c>first</c> (default 0) and <c>max</c> (default 100), non-negative integers.
    /// </summary>
    public static AdminError? TryReadPaging(IQueryCollection query, out int first, out int max)
    {
        max = DefaultMax;
        first = 0;
        if (query.Any(parameter => parameter.Value.Any(value => value is not null && AdminJson.HasControlCharacters(value))))
        {
            return new AdminError("Los parámetros contienen caracteres no válidos.");
        }

        return TryCount(query["first"], 0, out first) && TryCount(query["max"], DefaultMax, out max)
            ? null
            : new AdminError("'first' y 'max' deben ser enteros no negativos.");
    }

    /// <summary>Lists of users are ordered by user name in byte order ("C" collation), whatever the database's locale.</summary>
    public static IOrderedQueryable<UserAccount> InUserNameOrder(this IQueryable<UserAccount> users) =>
        users.OrderBy(user => EF.Functions.Collate(user.UserName, "C"));

    private static bool TryCount(string? value, int fallback, out int count)
    {
        count = fallback;
        return string.IsNullOrEmpty(value) || (int.TryParse(value, out count) && count >= 0);
    }
}
