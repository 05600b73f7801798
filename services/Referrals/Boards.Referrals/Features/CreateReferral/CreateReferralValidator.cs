using System.Globalization;
using System.Text.RegularExpressions;

namespace Boards.Referrals.Features.CreateReferral;

/// <summary>Checks the shape of a create request and turns it into a domain request, reporting every field error at once.</summary>
public static partial class CreateReferralValidator
{
    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^(?=.*[0-9A-Za-z])[0-9A-Za-z.-]{3,20}$")]
    private static partial Regex DocumentPattern();

    public static NewReferral Validate(CreateReferralCommand command, DateOnly today)
    {
        var errors = new FieldErrors();
        var requestId = Required(errors, "requestId", command.RequestId, 100);
        var municipality = Code(errors, "municipalityCode", command.MunicipalityCode, required: true);
        var destinationMunicipality = Code(errors, "destinationMunicipalityCode", command.DestinationMunicipalityCode, required: false);
        var origin = Code(errors, "originInstitution", command.OriginInstitution, required: true);
        var destination = Code(errors, "destinationInstitution", command.DestinationInstitution, required: true);
        var service = Code(errors, "serviceCode", command.ServiceCode, required: true);
        var need = Code(errors, "needCategory", command.NeedCategory, required: true);
        var reason = Required(errors, "reason", command.Reason, 2000);
        if (command.Priority is null || !Enum.IsDefined(command.Priority.Value))
        {
            errors.Add("priority", "Indique la prioridad: urgent, high o normal.");
        }

        var person = ValidatePerson(errors, command.Person, today);
        var consent = ValidateConsent(errors, command.Consent);

        Guid? previous = null;
        if (!string.IsNullOrWhiteSpace(command.PreviousReferralId))
        {
            if (Guid.TryParse(command.PreviousReferralId, out var parsed))
            {
                previous = parsed;
            }
            else
            {
                errors.Add("previousReferralId", "No es un identificador de referencia válido.");
            }
        }

        errors.ThrowIfAny();
        return new NewReferral(requestId!, municipality!, destinationMunicipality ?? municipality!, origin!, destination!,
            service!, need!, command.Priority!.Value, reason!, person!, consent!, previous);
    }

    private static Person? ValidatePerson(FieldErrors errors, PersonInput? input, DateOnly today)
    {
        if (input is null)
        {
            errors.Add("person", "Indique los datos de la persona referida.");
            return null;
        }

        var document = input.DocumentNumber?.Trim();
        if (input.NoDocument && !string.IsNullOrEmpty(document))
        {
            errors.Add("person.documentNumber", "Marcó 'sin documento' pero indicó un número de documento.");
        }
        else if (!input.NoDocument && string.IsNullOrEmpty(document))
        {
            errors.Add("person.documentNumber", "Indique el número de documento, o marque 'sin documento'.");
        }
        else if (!input.NoDocument && !DocumentPattern().IsMatch(document!))
        {
            errors.Add("person.documentNumber", "El número de documento debe tener entre 3 y 20 letras, números, puntos o guiones.");
        }

        var given = Required(errors, "person.givenNames", input.GivenNames, 200);
        var family = Required(errors, "person.familyNames", input.FamilyNames, 200);
        DateOnly birthDate = default;
        if (string.IsNullOrWhiteSpace(input.BirthDate))
        {
            errors.Add("person.birthDate", "Indique la fecha de nacimiento (AAAA-MM-DD).");
        }
        else if (!DateOnly.TryParseExact(input.BirthDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out birthDate))
        {
            errors.Add("person.birthDate", "La fecha de nacimiento debe tener el formato AAAA-MM-DD.");
        }
        else if (birthDate > today || birthDate < today.AddYears(-120))
        {
            errors.Add("person.birthDate", "La fecha de nacimiento no es plausible.");
        }

        if (input.Sex is null || !Enum.IsDefined(input.Sex.Value))
        {
            errors.Add("person.sex", "Indique el sexo: female, male u other.");
        }

        Optional(errors, "person.phone", input.Phone, 40);
        Optional(errors, "person.locality", input.Locality, 200);

        if (given is null || family is null || birthDate == default || input.Sex is null)
        {
            return null;
        }

        return new Person
        {
            DocumentNumber = input.NoDocument ? null : document,
            NoDocument = input.NoDocument,
            GivenNames = given,
            FamilyNames = family,
            BirthDate = birthDate,
            Sex = input.Sex.Value,
            Phone = Clean(input.Phone),
            Locality = Clean(input.Locality),
        };
    }

    private static Consent? ValidateConsent(FieldErrors errors, ConsentInput? input)
    {
        if (input is null)
        {
            errors.Add("consent", "Registre el consentimiento de la persona.");
            return null;
        }

        if (input.Given && string.IsNullOrWhiteSpace(input.GivenBy))
        {
            errors.Add("consent.givenBy", "Indique quién dio el consentimiento.");
        }

        if (!input.Given && !input.Overridden)
        {
            errors.Add("consent.given", "Se requiere el consentimiento de la persona, o una excepción justificada.");
        }

        if (input.Overridden && string.IsNullOrWhiteSpace(input.OverrideJustification))
        {
            errors.Add("consent.overrideJustification", "Una excepción al consentimiento necesita una justificación.");
        }

        return new Consent
        {
            Given = input.Given,
            GivenBy = Clean(input.GivenBy),
            Overridden = !input.Given && input.Overridden,
            OverrideJustification = Clean(input.OverrideJustification),
        };
    }

    private static string? Code(FieldErrors errors, string field, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, "Este campo es obligatorio.");
            }

            return null;
        }

        var code = value.Trim().ToLowerInvariant();
        if (!CodePattern().IsMatch(code))
        {
            errors.Add(field, "Debe ser un código en minúsculas (letras, números y guiones), como 'alto-vera'.");
            return null;
        }

        return code;
    }

    private static string? Required(FieldErrors errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "Este campo es obligatorio.");
            return null;
        }

        return Optional(errors, field, value, maxLength);
    }

    private static string? Optional(FieldErrors errors, string field, string? value, int maxLength)
    {
        var clean = Clean(value);
        if (clean is not null && clean.Length > maxLength)
        {
            errors.Add(field, $"Admite como máximo {maxLength} caracteres.");
            return null;
        }

        return clean;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
