using System.Text.RegularExpressions;
using Boards.Needs.Domain;

namespace Boards.Needs.Features.Common;

/// <summary>Checks every field and reports all problems together (camelCase field names, Spanish messages).</summary>
public static partial class OfferValidator
{
    public const int MaxCodeLength = NeedsLimits.Code;
    public const int MaxNameLength = NeedsLimits.Name;
    public const int MaxEligibilityLength = NeedsLimits.EligibilitySummary;
    public const int MaxMonthlyCapacity = NeedsLimits.MaxMonthlyCapacity;

    public static string? ServiceCode(FieldErrors errors, string? value)
    {
        var code = value?.Trim() ?? "";
        if (code.Length == 0)
        {
            errors.Add("code", "Indique el código del servicio.");
            return null;
        }

        if (code.Length > MaxCodeLength || !SlugPattern().IsMatch(code))
        {
            errors.Add("code", $"El código va en minúsculas sin acentos, con palabras unidas por '-' (por ejemplo 'tekopora'), de hasta {MaxCodeLength} caracteres.");
            return null;
        }

        return code;
    }

    public static ValidOffer? Validate(
        FieldErrors errors, OfferedServiceInput input, Func<string, bool> isInstitution, IReadOnlySet<string> categories)
    {
        var name = Text(errors, "name", input.Name, MaxNameLength, "Indique el nombre del servicio.");
        var program = Text(errors, "program", input.Program, MaxNameLength, "Indique el programa al que pertenece el servicio.");
        var eligibility = Text(errors, "eligibilitySummary", input.EligibilitySummary, MaxEligibilityLength, "Resuma quiénes pueden acceder al servicio.");

        var institution = input.InstitutionCode?.Trim().ToLowerInvariant() ?? "";
        if (institution.Length == 0)
        {
            errors.Add("institutionCode", "Indique la institución que ofrece el servicio.");
        }
        else if (!isInstitution(institution))
        {
            errors.Add("institutionCode", $"La institución '{institution}' no está en la lista de instituciones (data/reference/institutions.csv).");
        }

        var covered = new List<string>();
        if (input.Categories is not { Count: > 0 })
        {
            errors.Add("categories", "Indique al menos una categoría de necesidad que el servicio atiende.");
        }
        else
        {
            foreach (var raw in input.Categories)
            {
                var category = raw?.Trim() ?? "";
                if (!categories.Contains(category))
                {
                    errors.Add("categories", category.Length == 0
                        ? "Las categorías no pueden estar vacías."
                        : $"La categoría '{category}' no existe (GET /api/needs/categories).");
                }
                else if (!covered.Contains(category))
                {
                    covered.Add(category);
                }
            }
        }

        var channel = Code(errors, "channel", input.Channel, OfferCodes.Channels, "Indique el canal de atención");
        var capacity = Capacity(errors, input.MonthlyCapacity, input.CapacityStatus, input.WaitlistBand);

        return errors.Any
            ? null
            : new ValidOffer(
                name, program, institution, covered, eligibility, channel!.Value, capacity!.MonthlyCapacity, capacity.Status, capacity.WaitlistBand);
    }

    /// <summary>Monthly places (optional, 0 to the maximum), the status, and the waiting time exactly with a waitlist.</summary>
    public static ValidCapacity? Capacity(FieldErrors errors, int? monthlyCapacity, string? capacityStatus, string? waitlistBand)
    {
        var valid = true;
        if (monthlyCapacity is < 0 or > MaxMonthlyCapacity)
        {
            errors.Add("monthlyCapacity", $"La capacidad mensual debe estar entre 0 y {MaxMonthlyCapacity}.");
            valid = false;
        }

        var status = Code(errors, "capacityStatus", capacityStatus, OfferCodes.Statuses, "Indique el estado de la capacidad");
        WaitlistBand? band = null;
        if (status == CapacityStatus.Waitlist)
        {
            band = Code(errors, "waitlistBand", waitlistBand, OfferCodes.Bands, "Con lista de espera, indique la espera aproximada");
            valid &= band is not null;
        }
        else if (status is not null && !string.IsNullOrWhiteSpace(waitlistBand))
        {
            errors.Add("waitlistBand", "La espera solo se indica cuando el estado de la capacidad es 'waitlist'.");
            valid = false;
        }

        return valid && status is { } known ? new ValidCapacity(monthlyCapacity, known, band) : null;
    }

    /// <summary>The version the person read, which an update must name (1 or more).</summary>
    public static void ExpectedVersion(FieldErrors errors, int? expectedVersion)
    {
        if (expectedVersion is not >= 1)
        {
            errors.Add("expectedVersion", "Indique la versión que leyó (expectedVersion, desde 1).");
        }
    }

    private static string Text(FieldErrors errors, string field, string? value, int max, string missing)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            errors.Add(field, missing);
        }
        else if (trimmed.Length > max)
        {
            errors.Add(field, $"Admite como máximo {max} caracteres.");
        }

        return trimmed;
    }

    private static T? Code<T>(FieldErrors errors, string field, string? value, IReadOnlyDictionary<string, T> known, string missing)
        where T : struct
    {
        var code = value?.Trim() ?? "";
        if (known.TryGetValue(code, out var parsed))
        {
            return parsed;
        }

        var allowed = string.Join(", ", known.Keys);
        errors.Add(field, code.Length == 0 ? $"{missing}: {allowed}." : $"'{code}' no es un valor válido; use {allowed}.");
        return null;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
