using System.Globalization;
using System.Text.RegularExpressions;

namespace Boards.ServiceDays.Features.RecordReferrals;

public sealed record ValidReferralEntry(
    string EntryId, string OriginInstitution, string DestinationInstitution, string? DestinationMunicipalityCode,
    string ServiceCode, string NeedCategory, string Priority, PendingReferralData Data)
{
    // A method, not a property: the entry's content hash is its JSON, which must stay as it was.
    public ReferralNeed Need() => new(OriginInstitution, DestinationInstitution, DestinationMunicipalityCode, ServiceCode, NeedCategory, Priority);
}

/// <summary>
/// The shape of each entry, with the referrals service's own rules for person and consent, so that the tablet hears about
/// a typo now, not as a failed delivery. Every problem of every entry is reported at once.
/// </summary>
public static partial class ReferralEntryValidator
{
    public const int MaxEntries = ServiceDaysLimits.ReferralEntries;

    /// <summary>The referrals service takes request ids of up to 100 characters: "sd:" + the day (32) + ":" + this.</summary>
    public const int MaxEntryIdLength = ServiceDaysLimits.EntryId;
    public static readonly IReadOnlySet<string> Priorities = new HashSet<string>(StringComparer.Ordinal) { "urgent", "high", "normal" };
    public static readonly IReadOnlySet<string> Sexes = new HashSet<string>(StringComparer.Ordinal) { "female", "male", "other" };

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^(?=.*[0-9A-Za-z])[0-9A-Za-z.-]{3,20}$")]
    private static partial Regex DocumentPattern();

    public static List<ValidReferralEntry> Validate(RecordReferralsCommand command, IReadOnlyCollection<string> participating, string? callerInstitution, DateOnly today)
    {
        var errors = new FieldErrors();
        var valid = new List<ValidReferralEntry>();
        if (command.Entries is not { Count: > 0 and <= MaxEntries } entries)
        {
            errors.Add("entries", $"Envíe entre 1 y {MaxEntries} referencias.");
            entries = [];
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var f = $"entries[{i}]";
            if (entries[i] is not { } entry)
            {
                errors.Add(f, "Referencia vacía.");
                continue;
            }

            var before = errors.Any;
            var entryId = Text(errors, $"{f}.entryId", entry.EntryId, MaxEntryIdLength, "Indique el identificador de la referencia que asigna la tableta (hasta 60 caracteres).");
            if (entryId is not null && !ids.Add(entryId))
            {
                errors.Add($"{f}.entryId", $"El identificador '{entryId}' se repite en el envío.");
            }

            var origin = Code(errors, $"{f}.originInstitution", entry.OriginInstitution, true);
            if (origin is not null && !participating.Contains(origin))
            {
                errors.Add($"{f}.originInstitution", $"La institución '{origin}' no participa en esta jornada.");
            }
            else if (origin is not null && callerInstitution is not null && origin != callerInstitution)
            {
                errors.Add($"{f}.originInstitution", $"Su cuenta envía referencias solo en nombre de '{callerInstitution}'.");
            }

            var destination = Code(errors, $"{f}.destinationInstitution", entry.DestinationInstitution, true);
            var destinationMunicipality = Code(errors, $"{f}.destinationMunicipalityCode", entry.DestinationMunicipalityCode, false);
            var service = Code(errors, $"{f}.serviceCode", entry.ServiceCode, true);
            var need = Code(errors, $"{f}.needCategory", entry.NeedCategory, true);
            var priority = entry.Priority?.Trim().ToLowerInvariant() ?? "";
            if (!Priorities.Contains(priority))
            {
                errors.Add($"{f}.priority", "Indique la prioridad: urgent, high o normal.");
            }

            var reason = Text(errors, $"{f}.reason", entry.Reason, ServiceDaysLimits.ReferralReason, "Indique el motivo de la referencia.");
            var person = Person(errors, $"{f}.person", entry.Person, today);
            var consent = Consent(errors, $"{f}.consent", entry.Consent);
            if (!before && !errors.Any)
            {
                valid.Add(new ValidReferralEntry(entryId!, origin!, destination!, destinationMunicipality, service!, need!, priority,
                    new PendingReferralData(person!, consent!, reason!)));
            }
        }

        errors.ThrowIfAny();
        return valid;
    }

    private static PersonInput? Person(FieldErrors errors, string f, PersonInput? input, DateOnly today)
    {
        if (input is null)
        {
            errors.Add(f, "Indique los datos de la persona referida.");
            return null;
        }

        var document = input.DocumentNumber?.Trim() ?? "";
        if (input.NoDocument && document.Length > 0)
        {
            errors.Add($"{f}.documentNumber", "Marcó 'sin documento' pero indicó un número de documento.");
        }
        else if (!input.NoDocument && document.Length == 0)
        {
            errors.Add($"{f}.documentNumber", "Indique el número de documento, o marque 'sin documento'.");
        }
        else if (!input.NoDocument && !DocumentPattern().IsMatch(document))
        {
            errors.Add($"{f}.documentNumber", "El número de documento debe tener entre 3 y 20 letras, números, puntos o guiones.");
        }

        var given = Text(errors, $"{f}.givenNames", input.GivenNames, ServiceDaysLimits.Text, "Indique los nombres.");
        var family = Text(errors, $"{f}.familyNames", input.FamilyNames, ServiceDaysLimits.Text, "Indique los apellidos.");
        var birth = input.BirthDate?.Trim() ?? "";
        if (!DateOnly.TryParseExact(birth, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate))
        {
            errors.Add($"{f}.birthDate", "Indique la fecha de nacimiento (AAAA-MM-DD).");
        }
        else if (birthDate > today || birthDate < today.AddYears(-120))
        {
            errors.Add($"{f}.birthDate", "La fecha de nacimiento no es plausible.");
        }

        var sex = input.Sex?.Trim().ToLowerInvariant() ?? "";
        if (!Sexes.Contains(sex))
        {
            errors.Add($"{f}.sex", "Indique el sexo: female, male u other.");
        }

        var phone = Optional(errors, $"{f}.phone", input.Phone, ServiceDaysLimits.Phone);
        var locality = Optional(errors, $"{f}.locality", input.Locality, ServiceDaysLimits.Text);
        return new PersonInput
        {
            DocumentNumber = input.NoDocument ? null : document,
            NoDocument = input.NoDocument,
            GivenNames = given,
            FamilyNames = family,
            BirthDate = birth,
            Sex = sex,
            Phone = phone,
            Locality = locality,
        };
    }

    private static ConsentInput? Consent(FieldErrors errors, string f, ConsentInput? input)
    {
        if (input is not { Given: true })
        {
            errors.Add($"{f}.given", "Registre el consentimiento de la persona, dado en la jornada.");
            return null;
        }

        var givenBy = Text(errors, $"{f}.givenBy", input.GivenBy, ServiceDaysLimits.Text, "Indique quién dio el consentimiento.");
        return new ConsentInput { Given = true, GivenBy = givenBy };
    }

    private static string? Code(FieldErrors errors, string field, string? value, bool required)
    {
        var code = value?.Trim().ToLowerInvariant() ?? "";
        if (code.Length == 0)
        {
            if (required)
            {
                errors.Add(field, "Indique el código.");
            }

            return null;
        }

        if (!CodePattern().IsMatch(code))
        {
            errors.Add(field, $"'{code}' no es un código válido (minúsculas, números, '.', '-' o '_').");
            return null;
        }

        return code;
    }

    private static string? Text(FieldErrors errors, string field, string? value, int max, string missing)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors.Add(field, missing);
            return null;
        }

        if (text.Length > max)
        {
            errors.Add(field, $"Hasta {max} caracteres.");
            return null;
        }

        return text;
    }

    private static string? Optional(FieldErrors errors, string field, string? value, int max)
    {
        var text = value?.Trim() ?? "";
        if (text.Length > max)
        {
            errors.Add(field, $"Hasta {max} caracteres.");
        }

        return text.Length == 0 ? null : text;
    }
}
