using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Boards.Membership.Contracts.Events;

namespace Boards.Membership.Features.Municipalities;

/// <summary>What a registry entry may hold: code format, Paraguay's departments and the programme stages.</summary>
public static partial class MunicipalityRules
{
    public const int MaxCodeLength = Domain.MembershipLimits.Code;
    public const int MaxNameLength = Domain.MembershipLimits.Name;

    /// <summary>Department numbers as the national statistics office numbers them; 0 is Asunción, the capital district.</summary>
    public static IReadOnlyList<string> Departments { get; } =
    [
        "Asunción", "Concepción", "San Pedro", "Cordillera", "Guairá", "Caaguazú", "Caazapá", "Itapúa", "Misiones",
        "Paraguarí", "Alto Paraná", "Central", "Ñeembucú", "Amambay", "Canindeyú", "Presidente Hayes", "Boquerón",
        "Alto Paraguay",
    ];

    /// <summary>The stages a district goes through in the programme, each with the year it started ("pilot-2021").</summary>
    public static IReadOnlyList<string> StatusKinds { get; } = ["pilot", "expansion"];

    public const int FirstProgrammeYear = 2021;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    [GeneratedRegex("^(?<kind>[a-z]+)-(?<year>[0-9]{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex StatusPattern();

    [GeneratedRegex("[^a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex NotAlphanumeric();

    /// <summary>Only ministry-admin changes the registry; <paramref name="what"/> completes the refusal ("agrega municipios al registro").</summary>
    public static void EnsureAdmin(Caller caller, string what)
    {
        if (!caller.IsInRole(BoardsRoles.MinistryAdmin))
        {
            throw new ForbiddenException($"Solo la administración del ministerio (ministry-admin) {what}.");
        }
    }

    /// <summary>A required district name, trimmed, at most <see cref="MaxNameLength"/> characters.</summary>
    public static string Name(FieldErrors errors, string field, string? value)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            errors.Add(field, "Indique el nombre del distrito.");
        }
        else if (trimmed.Length > MaxNameLength)
        {
            errors.Add(field, $"Admite como máximo {MaxNameLength} caracteres.");
        }

        return trimmed;
    }

    /// <summary>A required code: lowercase ASCII letters and digits, words joined by single hyphens.</summary>
    public static string Code(FieldErrors errors, string? value, string? nameForSuggestion)
    {
        var code = value?.Trim() ?? "";
        if (code.Length == 0)
        {
            errors.Add("code", "Indique el código del municipio (p. ej. 'alto-vera').");
        }
        else if (code.Length > MaxCodeLength)
        {
            errors.Add("code", $"Admite como máximo {MaxCodeLength} caracteres.");
        }
        else if (!CodePattern().IsMatch(code))
        {
            var suggestion = Slug(nameForSuggestion);
            errors.Add("code", "El código lleva solo minúsculas sin acentos, dígitos y guiones entre palabras" +
                               (suggestion.Length > 0 ? $" (p. ej. '{suggestion}')." : "."));
        }

        return code;
    }

    /// <summary>The department number (0–17) and its name; a name that is not that number's department is refused.</summary>
    public static (int Number, string Name) Department(FieldErrors errors, int? number, string? name)
    {
        if (number is null)
        {
            errors.Add("departmentNumber", "Indique el número del departamento (0 para Asunción, 1 a 17).");
            return (0, "");
        }

        if (number is < 0 || number >= Departments.Count)
        {
            errors.Add("departmentNumber", $"El número de departamento va de 0 (Asunción) a {Departments.Count - 1} (Alto Paraguay).");
            return (number.Value, "");
        }

        var official = Departments[number.Value];
        if (!string.IsNullOrWhiteSpace(name) && Fold(name) != Fold(official))
        {
            errors.Add("department", $"El departamento {number} es {official}, no '{name.Trim()}'.");
        }

        return (number.Value, official);
    }

    /// <summary>A known stage with a plausible year: pilot-2021, expansion-2025, …</summary>
    public static string Status(FieldErrors errors, string? value, int currentYear)
    {
        var status = value?.Trim().ToLowerInvariant() ?? "";
        var match = StatusPattern().Match(status);
        if (status.Length == 0)
        {
            errors.Add("status", "Indique la etapa del programa (p. ej. 'expansion-2026').");
        }
        else if (!match.Success || !StatusKinds.Contains(match.Groups["kind"].Value) ||
                 !IsProgrammeYear(int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture), currentYear))
        {
            errors.Add("status", $"Etapa desconocida: use {string.Join(" o ", StatusKinds.Select(k => $"'{k}-AAAA'"))}, " +
                                 $"con un año entre {FirstProgrammeYear} y {currentYear + 1}.");
        }

        return status;
    }

    // Next year is allowed: districts are announced before their boards are installed.
    private static bool IsProgrammeYear(int year, int currentYear) => year >= FirstProgrammeYear && year <= currentYear + 1;

    /// <summary>The code the README's convention gives a district name: "Juan Emilio O'Leary" → "juan-emilio-oleary".</summary>
    public static string Slug(string? name)
    {
        var folded = Fold(name ?? "").Replace(".", "", StringComparison.Ordinal)
            .Replace("'", "", StringComparison.Ordinal).Replace("’", "", StringComparison.Ordinal);
        return NotAlphanumeric().Replace(folded, "-").Trim('-');
    }

    public static MunicipalityRegistered Registered(Municipality municipality, DateTimeOffset occurredAt) => new()
    {
        Code = municipality.Code,
        Name = municipality.Name,
        Department = municipality.Department,
        DepartmentNumber = municipality.DepartmentNumber,
        Status = municipality.Status,
        OccurredAt = occurredAt,
    };

    /// <summary>Lowercase, without accents (ñ becomes n), trimmed: for comparing names as people type them.</summary>
    private static string Fold(string text)
    {
        var decomposed = text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
