using System.Globalization;
using Boards.BuildingBlocks.Import;
using static Boards.Membership.Features.ImportMembers.MemberImportColumns;

namespace Boards.Membership.Features.ImportMembers;

/// <summary>A row that passed validation, with the line it came from.</summary>
public sealed record ImportRow(int Line, NewMember Member);

/// <summary>
/// Checks a parsed file completely before anything is written: the header, every field of every row, duplicates
/// within the file and against the board's active members, and the rules <see cref="Board.AddMember"/> enforces
/// (no future designation date, no focal point). Every problem becomes an <see cref="ImportError"/>.
/// </summary>
public static class MemberImportValidator
{
    public const int MaxText = 200;

    public static (List<ImportRow> Rows, List<ImportError> Errors) Validate(
        CsvTable table, IEnumerable<Member> activeMembers, DateTimeOffset now, Action<int>? validatedRows = null)
    {
        var errors = new List<ImportError>(table.Errors);
        var rows = new List<ImportRow>();
        var columns = ReadHeader(table, errors);
        if (columns is null)
        {
            return (rows, errors);
        }

        if (table.Records.Count == 0)
        {
            errors.Add(new ImportError(table.HeaderLine, null, "El archivo no tiene filas de miembros debajo del encabezado."));
            return (rows, errors);
        }

        var latest = DateOnly.FromDateTime(now.UtcDateTime.AddDays(1));
        var active = activeMembers.ToDictionary(m => Key(m.PersonName, m.Organization), m => m, StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var count = 0;
        foreach (var record in table.Records)
        {
            var row = new RowReader(record, columns, table.Header, errors);
            var before = errors.Count;
            if (record.Fields.Count > table.Header.Count)
            {
                errors.Add(new ImportError(record.Line, null,
                    $"La fila tiene {record.Fields.Count} campos y el encabezado {table.Header.Count}: revise separadores sin comillas dentro de los valores."));
            }

            var name = row.Text(MemberImportColumns.Name, "Falta el nombre de la persona.");
            var organization = row.Text(MemberImportColumns.Organization, "Falta la institución u organización que representa.");
            var sector = row.Choice(MemberImportColumns.Sector, Sectors, "Falta el sector.", "Sector desconocido");
            var gender = row.Choice(MemberImportColumns.Gender, Genders, "Falta el género.", "Género desconocido");
            var ageBand = row.Choice(MemberImportColumns.AgeBand, AgeBands, "Falta la franja de edad.", "Franja de edad desconocida");
            var area = row.Choice(MemberImportColumns.Area, Areas, "Falta el área (urbana o rural).", "Área desconocida");
            var locality = row.Text(MemberImportColumns.Locality, "Falta la localidad (barrio, compañía o comunidad).");
            var indigenous = row.Boolean(MemberImportColumns.Indigenous, false);
            var disability = row.Boolean(MemberImportColumns.Disability, false);
            var position = row.Position();
            var voting = row.Boolean(MemberImportColumns.Voting, true);
            var designatedOn = row.Date(MemberImportColumns.DesignatedOn, latest);

            if (name.Length > 0 && organization.Length > 0)
            {
                var key = Key(name, organization);
                if (seen.TryGetValue(key, out var firstLine))
                {
                    errors.Add(new ImportError(record.Line, MemberImportColumns.Name,
                        $"'{name}' por '{organization}' ya figura en la línea {firstLine} del archivo."));
                }
                else
                {
                    seen[key] = record.Line;
                    if (active.ContainsKey(key))
                    {
                        errors.Add(new ImportError(record.Line, MemberImportColumns.Name,
                            $"'{name}' ya es miembro activo de la mesa por '{organization}'."));
                    }
                }
            }

            if (errors.Count == before)
            {
                rows.Add(new ImportRow(record.Line, new NewMember(name, organization, sector, gender, ageBand, new Territory(area, locality),
                    indigenous, disability, position, voting, designatedOn)));
            }

            validatedRows?.Invoke(++count);
        }

        return (rows, errors);
    }

    /// <summary>Maps each known column to its index; null when the header itself is wrong (then rows are not read).</summary>
    private static Dictionary<string, int>? ReadHeader(CsvTable table, List<ImportError> errors)
    {
        if (table.Header.Count == 0)
        {
            return null;
        }

        var before = errors.Count;
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < table.Header.Count; i++)
        {
            var raw = table.Header[i];
            var normalized = Normalize(raw);
            var column = HeaderSynonyms.TryGetValue(normalized, out var synonym) ? synonym : normalized;
            if (!All.Contains(column))
            {
                errors.Add(new ImportError(table.HeaderLine, raw,
                    $"Columna desconocida '{raw}'. Las columnas son: {string.Join(", ", All)}."));
            }
            else if (!columns.TryAdd(column, i))
            {
                errors.Add(new ImportError(table.HeaderLine, raw, $"La columna '{column}' está repetida."));
            }
        }

        foreach (var missing in Required.Where(c => !columns.ContainsKey(c)))
        {
            errors.Add(new ImportError(table.HeaderLine, missing, $"Falta la columna obligatoria '{missing}'."));
        }

        return errors.Count == before ? columns : null;
    }

    private static string Key(string name, string organization) => $"{name.Trim()}\u001f{organization.Trim()}";

    /// <summary>Reads the fields of one record by column, adding an error for each bad one.</summary>
    private sealed class RowReader(CsvRecord record, Dictionary<string, int> columns, IReadOnlyList<string> header, List<ImportError> errors)
    {
        private string Raw(string column) =>
            columns.TryGetValue(column, out var index) && index < record.Fields.Count ? record.Fields[index].Trim() : "";

        /// <summary>Errors name the column as the file's header spells it.</summary>
        private string Header(string column) => columns.TryGetValue(column, out var index) ? header[index].Trim() : column;

        private void Error(string column, string message) => errors.Add(new ImportError(record.Line, Header(column), message));

        public string Text(string column, string missing)
        {
            var value = Raw(column);
            if (value.Length == 0)
            {
                Error(column, missing);
            }
            else if (value.Length > MaxText)
            {
                Error(column, $"Admite como máximo {MaxText} caracteres.");
            }

            return value;
        }

        public T Choice<T>(string column, IReadOnlyDictionary<string, T> values, string missing, string unknown) where T : struct
        {
            var value = Raw(column);
            if (value.Length == 0)
            {
                Error(column, $"{missing} Valores aceptados: {Accepted(values)}.");
                return default;
            }

            if (values.TryGetValue(Normalize(value), out var parsed))
            {
                return parsed;
            }

            Error(column, $"{unknown}: '{value}'. Valores aceptados: {Accepted(values)}.");
            return default;
        }

        public bool Boolean(string column, bool empty)
        {
            var value = Raw(column);
            if (value.Length == 0)
            {
                return empty;
            }

            if (Booleans.TryGetValue(Normalize(value), out var parsed))
            {
                return parsed;
            }

            Error(column, $"Valor no válido: '{value}'. Use si o no.");
            return empty;
        }

        public Domain.Position Position()
        {
            var value = Raw(MemberImportColumns.Position);
            if (value.Length == 0)
            {
                return Domain.Position.Member;
            }

            var normalized = Normalize(value);
            if (FocalPointSpellings.Contains(normalized))
            {
                Error(MemberImportColumns.Position,
                    "El punto focal no se importa: impórtelo con cargo miembro y luego desígnelo como punto focal.");
                return Domain.Position.Member;
            }

            if (Positions.TryGetValue(normalized, out var parsed))
            {
                return parsed;
            }

            Error(MemberImportColumns.Position, $"Cargo desconocido: '{value}'. Valores aceptados: {Accepted(Positions)}.");
            return Domain.Position.Member;
        }

        public DateOnly Date(string column, DateOnly latest)
        {
            var value = Raw(column);
            if (value.Length == 0)
            {
                Error(column, "Falta la fecha de designación (AAAA-MM-DD o DD/MM/AAAA).");
                return default;
            }

            if (!DateOnly.TryParseExact(value, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                Error(column, $"Fecha no válida: '{value}'. Use AAAA-MM-DD o DD/MM/AAAA.");
                return default;
            }

            if (parsed > latest)
            {
                Error(column, "La fecha de designación no puede ser futura.");
            }

            return parsed;
        }
    }
}
