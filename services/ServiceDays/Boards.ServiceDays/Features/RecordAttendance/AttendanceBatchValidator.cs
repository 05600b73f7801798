using System.Text.RegularExpressions;

namespace Boards.ServiceDays.Features.RecordAttendance;

/// <summary>
/// The batch id and every entry of a batch, reported at once in Spanish. A document number is hashed here, on arrival,
/// and never kept; a caller limited to one institution records only that institution's services.
/// </summary>
public sealed partial class AttendanceBatchValidator(PersonHash hasher)
{
    public const int MaxEntries = ServiceDaysLimits.AttendanceEntries;
    public const int MaxAnonymousCount = 10_000;

    [GeneratedRegex("^(?=.*[0-9A-Za-z])[0-9A-Za-z.-]{3,20}$")]
    private static partial Regex DocumentPattern();

    public (string BatchId, List<AttendanceLine> Lines) Validate(RecordAttendanceCommand command, ServiceDay day, string? institution)
    {
        var errors = new FieldErrors();
        var batchId = command.BatchId?.Trim() ?? "";
        if (batchId.Length is 0 or > ServiceDaysLimits.BatchId)
        {
            errors.Add("batchId", $"Indique el identificador del lote que asigna la tableta (hasta {ServiceDaysLimits.BatchId} caracteres).");
        }

        var lines = new List<AttendanceLine>();
        if (command.Entries is not { Count: > 0 and <= MaxEntries } inputs)
        {
            errors.Add("entries", $"Un lote tiene entre 1 y {MaxEntries} registros de asistencia.");
            inputs = [];
        }

        var services = day.Services.ToDictionary(s => s.ServiceCode, StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            var field = $"entries[{i}]";
            var entry = inputs[i];
            if (entry is null)
            {
                errors.Add(field, "Registro vacío.");
                continue;
            }

            var code = entry.ServiceCode?.Trim().ToLowerInvariant() ?? "";
            services.TryGetValue(code, out var service);
            if (code.Length == 0)
            {
                errors.Add($"{field}.serviceCode", "Indique el servicio de la jornada que se brindó.");
            }
            else if (service is null)
            {
                errors.Add($"{field}.serviceCode", $"El servicio '{code}' no se ofrece en esta jornada.");
            }
            else if (institution is not null && service.InstitutionCode != institution)
            {
                errors.Add($"{field}.serviceCode", $"El servicio '{code}' es de la institución '{service.InstitutionCode}': su cuenta registra solo los de '{institution}'.");
            }

            var document = entry.DocumentNumber?.Trim() ?? "";
            string? personHash = null;
            var anonymous = 0;
            if (document.Length > 0 && entry.AnonymousCount is not (null or 0))
            {
                errors.Add(field, "Un registro es de una persona con documento o un conteo anónimo, no ambos.");
            }
            else if (document.Length > 0)
            {
                if (DocumentPattern().IsMatch(document))
                {
                    personHash = hasher.OfDocument(document);
                }
                else
                {
                    errors.Add($"{field}.documentNumber", "El número de documento debe tener entre 3 y 20 letras, números, puntos o guiones.");
                }
            }
            else if (entry.AnonymousCount is >= 1 and <= MaxAnonymousCount)
            {
                anonymous = entry.AnonymousCount.Value;
            }
            else
            {
                errors.Add($"{field}.anonymousCount", $"Indique el número de documento o un conteo anónimo entre 1 y {MaxAnonymousCount}.");
            }

            if (service is not null)
            {
                lines.Add(new AttendanceLine(service.ServiceCode, service.InstitutionCode, personHash, anonymous));
            }
        }

        errors.ThrowIfAny();
        return (batchId, lines);
    }
}
