using System.Globalization;

namespace Boards.ServiceDays.Features.Common;

/// <summary>The fields of a day; every problem is reported at once, in Spanish.</summary>
public static class ServiceDayValidator
{
    public const int MaxTextLength = ServiceDaysLimits.Text;
    public const int MaxExpectedAttendance = 100_000;

    public static ServiceDayPlan? Validate(FieldErrors errors, ServiceDayInput input, string municipalityName, IReadOnlyDictionary<string, CatalogService> catalog)
    {
        var locality = Text(errors, "locality", input.Locality, "Indique la localidad (barrio, compañía o comunidad) de la jornada.");
        var venue = Text(errors, "venue", input.Venue, "Indique el lugar de la jornada (escuela, plaza, salón comunal…).");
        var date = Date(errors, "date", input.Date);
        if (input.ExpectedAttendance is not (>= 1 and <= MaxExpectedAttendance))
        {
            errors.Add("expectedAttendance", $"Indique la asistencia esperada: un número entre 1 y {MaxExpectedAttendance}.");
        }

        var services = new List<CatalogService>();
        if (input.Institutions is not { Count: > 0 } institutions)
        {
            errors.Add("institutions", "Indique al menos una institución participante con sus servicios.");
            institutions = [];
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < institutions.Count; i++)
        {
            var field = $"institutions[{i}]";
            var institution = institutions[i]?.InstitutionCode?.Trim().ToLowerInvariant() ?? "";
            if (institution.Length == 0)
            {
                errors.Add($"{field}.institutionCode", "Indique el código de la institución (p. ej. mspbs).");
            }

            if (institutions[i]?.Services is not { Count: > 0 } codes)
            {
                errors.Add($"{field}.services", "Indique al menos un servicio del catálogo de oferta que la institución brinda en la jornada.");
                continue;
            }

            for (var j = 0; j < codes.Count; j++)
            {
                var code = codes[j]?.Trim().ToLowerInvariant() ?? "";
                var serviceField = $"{field}.services[{j}]";
                if (code.Length == 0)
                {
                    errors.Add(serviceField, "Indique el código del servicio.");
                }
                else if (!catalog.TryGetValue(code, out var service))
                {
                    errors.Add(serviceField, $"El servicio '{code}' no está en el catálogo de oferta de {municipalityName}.");
                }
                else if (!seen.Add(code))
                {
                    errors.Add(serviceField, $"El servicio '{code}' figura dos veces en la jornada.");
                }
                else if (institution.Length > 0 && service.InstitutionCode != institution)
                {
                    errors.Add(serviceField, $"El servicio '{code}' es de la institución '{service.InstitutionCode}', no de '{institution}'.");
                }
                else
                {
                    services.Add(service);
                }
            }
        }

        return errors.Any ? null : new ServiceDayPlan(locality!, date!.Value, venue!, input.ExpectedAttendance!.Value, services);
    }

    public static DateOnly? Date(FieldErrors errors, string field, string? value, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, "Indique la fecha (AAAA-MM-DD).");
            }

            return null;
        }

        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ||
            date.Year is < 2000 or > 2100)
        {
            errors.Add(field, "La fecha debe tener el formato AAAA-MM-DD.");
            return null;
        }

        return date;
    }

    private static string? Text(FieldErrors errors, string field, string? value, string missing)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors.Add(field, missing);
            return null;
        }

        if (text.Length > MaxTextLength)
        {
            errors.Add(field, $"Hasta {MaxTextLength} caracteres.");
            return null;
        }

        return text;
    }
}
