using System.Text.RegularExpressions;
using Boards.Needs.Domain;

namespace Boards.Needs.Features.Common;

/// <summary>Checks a round's period and a need's fields, reporting every problem together in Spanish.</summary>
public static partial class NeedValidator
{
    public const int MaxLocalityLength = NeedsLimits.Name;
    public const int MaxNotesLength = NeedsLimits.EvidenceNotes;
    public const int MaxTitleLength = NeedsLimits.Name;
    public const int MaxPeopleAffected = NeedsLimits.MaxPeopleAffected;

    public static string? Period(FieldErrors errors, string? value)
    {
        var period = value?.Trim().ToUpperInvariant() ?? "";
        if (PeriodPattern().IsMatch(period))
        {
            return period;
        }

        errors.Add("period", period.Length == 0
            ? "Indique el período de la ronda."
            : "El período es un año (2026), un semestre (2026-S1), un trimestre (2026-T3) o un mes (2026-07).");
        return null;
    }

    public static ValidNeed? Validate(FieldErrors errors, NeedInput input, IReadOnlySet<string> categories, string prefix = "")
    {
        var failed = false;
        void Fail(string field, string message)
        {
            errors.Add(prefix + field, message);
            failed = true;
        }

        var category = input.Category?.Trim().ToLowerInvariant() ?? "";
        if (category.Length == 0)
        {
            Fail("category", "Indique la categoría de la necesidad.");
        }
        else if (!categories.Contains(category))
        {
            Fail("category", $"La categoría '{category}' no existe (GET /api/needs/categories).");
        }

        var locality = input.Locality?.Trim() ?? "";
        if (locality.Length == 0)
        {
            Fail("locality", "Indique la localidad (barrio, compañía o comunidad).");
        }
        else if (locality.Length > MaxLocalityLength)
        {
            Fail("locality", $"La localidad tiene hasta {MaxLocalityLength} caracteres.");
        }

        var group = Code(Fail, "populationGroup", input.PopulationGroup, AssessmentCodes.Groups,
            "Indique el grupo de población", "niñez (children), adolescencia (adolescents), personas mayores (elderly), " +
            "mujeres jefas de hogar (women_heads_of_household), pueblos indígenas (indigenous) o personas con discapacidad (persons_with_disability)");
        var source = Code(Fail, "evidenceSource", input.EvidenceSource, AssessmentCodes.Sources,
            "Indique la fuente de la evidencia", "encuesta (survey), sesión de la mesa (board_session), jornada de servicios (service_day) " +
            "o estadísticas de referencias (referral_statistics)");

        if (input.PeopleAffected is not (>= 1 and <= MaxPeopleAffected))
        {
            Fail("peopleAffected", $"Indique cuántas personas están afectadas (estimación entre 1 y {MaxPeopleAffected:N0}).");
        }

        if (input.Severity is not (>= 1 and <= 5))
        {
            Fail("severity", "La severidad va de 1 (leve) a 5 (crítica).");
        }

        var notes = string.IsNullOrWhiteSpace(input.EvidenceNotes) ? null : input.EvidenceNotes.Trim();
        if (notes?.Length > MaxNotesLength)
        {
            Fail("evidenceNotes", $"Las notas tienen hasta {MaxNotesLength} caracteres.");
        }

        return failed
            ? null
            : new ValidNeed(category, locality, group!.Value, input.PeopleAffected!.Value, input.Severity!.Value, source!.Value, notes);
    }

    private static T? Code<T>(Action<string, string> fail, string field, string? value, IReadOnlyDictionary<string, T> codes, string missing, string choices)
        where T : struct
    {
        var code = value?.Trim().ToLowerInvariant() ?? "";
        if (codes.TryGetValue(code, out var parsed))
        {
            return parsed;
        }

        fail(field, code.Length == 0 ? $"{missing}: {choices}." : $"'{code}' no es válido: use {choices}.");
        return null;
    }

    [GeneratedRegex(@"^\d{4}(-(S[12]|T[1-4]|0[1-9]|1[0-2]))?$")]
    private static partial Regex PeriodPattern();
}
