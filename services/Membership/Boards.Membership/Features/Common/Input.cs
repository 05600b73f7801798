using System.Globalization;

namespace Boards.Membership.Features.Common;

/// <summary>Small parsing helpers shared by the validators: every problem goes into <see cref="FieldErrors"/>.</summary>
public static partial class Input
{
    public static string Text(FieldErrors errors, string field, string? value, int maxLength, string missing)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            errors.Add(field, missing);
        }
        else if (trimmed.Length > maxLength)
        {
            errors.Add(field, $"Admite como máximo {maxLength} caracteres.");
        }

        return trimmed;
    }

    public static string? OptionalText(FieldErrors errors, string field, string? value, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > maxLength)
        {
            errors.Add(field, $"Admite como máximo {maxLength} caracteres.");
        }

        return trimmed;
    }

    /// <summary>A required "YYYY-MM-DD" date.</summary>
    public static DateOnly Date(FieldErrors errors, string field, string? value, string missing)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, missing);
            return default;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return parsed;
        }

        errors.Add(field, "La fecha debe tener el formato AAAA-MM-DD.");
        return default;
    }

    public static TEnum Enum<TEnum>(FieldErrors errors, string field, TEnum? value, string missing) where TEnum : struct, System.Enum
    {
        if (value is null || !System.Enum.IsDefined(value.Value))
        {
            errors.Add(field, missing);
            return default;
        }

        return value.Value;
    }

    public static Guid Id(FieldErrors errors, string field, string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, $"Indique el identificador de {what}.");
            return Guid.Empty;
        }

        if (Guid.TryParse(value.Trim(), out var id))
        {
            return id;
        }

        errors.Add(field, $"No es un identificador de {what} válido.");
        return Guid.Empty;
    }

    /// <summary>Membership ids (an attendance list); each malformed one is a field error such as "attendees[2]".</summary>
    public static List<Guid> MemberIds(FieldErrors errors, string field, IReadOnlyList<string>? values)
    {
        var ids = new List<Guid>();
        var list = values ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var id = Id(errors, $"{field}[{i}]", list[i], "la membresía");
            if (id != Guid.Empty)
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    public static void ExpectedVersion(FieldErrors errors, long expectedVersion)
    {
        if (expectedVersion < 0)
        {
            errors.Add("expectedVersion", "La versión esperada no puede ser negativa.");
        }
    }

    /// <summary>
    /// A user name in the identity provider (Keycloak's rules: lower-case letters, digits and . _ - @), lower-cased;
    /// null when blank.
    /// </summary>
    public static string? Account(FieldErrors errors, string field, string? value)
    {
        var account = value?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(account))
        {
            return null;
        }

        if (account.Length > Domain.MembershipLimits.Account || !AccountPattern().IsMatch(account))
        {
            errors.Add(field, "El usuario solo puede tener letras minúsculas, números y . _ - @ (hasta 100 caracteres), por ejemplo 'maria.gonzalez'.");
            return null;
        }

        return account;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9][a-z0-9._@-]*$")]
    private static partial System.Text.RegularExpressions.Regex AccountPattern();

    /// <summary>Municipality codes are lowercase ASCII; compare them normalized.</summary>
    public static string MunicipalityCode(string? code)
    {
        var normalized = code?.Trim().ToLowerInvariant() ?? "";
        return normalized.Length is > 0 and <= 64
            ? normalized
            : throw new ValidationFailedException(new Dictionary<string, string[]> { ["municipalityCode"] = ["Indique el código del municipio."] });
    }
}
