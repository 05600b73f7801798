using System.Text;

namespace Boards.Needs.Features.Import;

/// <summary>
/// One problem in an imported file: the physical line (1 = the header), the column as the file's header spells it
/// (null for the whole row) and a Spanish message. The same shape as Membership's member import.
/// </summary>
public sealed record ImportError(int Line, string? Column, string Message);

/// <summary>One record of the file: the physical line it starts on and its fields (trimmed of unquoted whitespace).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>A parsed file: the separator found in the header, the header, the records and the errors of the file's form.</summary>
public sealed record CsvTable(char Separator, int HeaderLine, IReadOnlyList<string> Header, IReadOnlyList<CsvRecord> Records, IReadOnlyList<ImportError> Errors, bool TooManyRows);

/// <summary>
/// An RFC 4180 reader for uploaded files, as Membership's member import reads them: UTF-8 with or without a BOM, ';' or
/// ',' as separator (whichever the header uses more), quoted fields with doubled quotes and line breaks inside quotes,
/// CRLF, LF or CR line ends. Lines are counted physically, as an editor shows them. Blank lines are skipped.
/// </summary>
public static class ImportCsv
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static CsvTable Parse(ReadOnlySpan<byte> bytes, int maxRows)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException exception)
        {
            var line = 1;
            var index = Math.Clamp(exception.Index, 0, bytes.Length);
            foreach (var b in bytes[..index])
            {
                if (b == (byte)'\n')
                {
                    line++;
                }
            }

            return Failed(new ImportError(line, null, "El archivo no está en UTF-8: guárdelo como «CSV UTF-8» e inténtelo de nuevo."));
        }

        return Parse(text, maxRows);
    }

    public static CsvTable Parse(string text, int maxRows)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var errors = new List<ImportError>();
        var reader = new Reader(text);
        var separator = DetectSeparator(text);

        List<string>? header = null;
        var headerLine = 0;
        var records = new List<CsvRecord>();
        var tooMany = false;
        while (reader.Next(separator, errors) is { } record)
        {
            if (record.Fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (header is null)
            {
                header = [.. record.Fields];
                headerLine = record.Line;
                continue;
            }

            if (records.Count == maxRows)
            {
                tooMany = true;
                break;
            }

            records.Add(record);
        }

        return header is null
            ? Failed(new ImportError(1, null, "El archivo está vacío: debe tener una fila de encabezados y al menos una fila de datos."))
            : new CsvTable(separator, headerLine, header, records, errors, tooMany);
    }

    /// <summary>The separator the header line uses more, outside quotes; ',' when neither appears.</summary>
    public static char DetectSeparator(string text)
    {
        int commas = 0, semicolons = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                if (commas + semicolons > 0)
                {
                    break;
                }
            }
            else if (!quoted && c == ',')
            {
                commas++;
            }
            else if (!quoted && c == ';')
            {
                semicolons++;
            }
        }

        return semicolons > commas ? ';' : ',';
    }

    private static CsvTable Failed(ImportError error) => new(',', 0, [], [], [error], false);

    private sealed class Reader(string text)
    {
        private int _position;
        private int _line = 1;

        public CsvRecord? Next(char separator, List<ImportError> errors)
        {
            if (_position >= text.Length)
            {
                return null;
            }

            var start = _line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var wasQuoted = false;
            while (true)
            {
                if (_position >= text.Length)
                {
                    fields.Add(Finish(field, wasQuoted));
                    return new CsvRecord(start, fields);
                }

                var c = text[_position];
                if (c == '"' && field.ToString().Trim().Length == 0 && !wasQuoted)
                {
                    field.Clear();
                    wasQuoted = true;
                    if (!ReadQuoted(field))
                    {
                        errors.Add(new ImportError(start, null, $"Unas comillas abiertas en la línea {start} no se cierran."));
                        fields.Add(field.ToString());
                        return new CsvRecord(start, fields);
                    }

                    // Only blanks may follow the closing quote before the separator or the end of the line.
                    var junk = false;
                    while (_position < text.Length && text[_position] is not '\r' and not '\n' && text[_position] != separator)
                    {
                        junk |= !char.IsWhiteSpace(text[_position]);
                        _position++;
                    }

                    if (junk)
                    {
                        errors.Add(new ImportError(_line, null,
                            $"El campo {fields.Count + 1} tiene texto después de las comillas de cierre; encierre todo el valor entre comillas y duplique las comillas internas (\"\")."));
                    }

                    continue;
                }

                if (c == separator)
                {
                    fields.Add(Finish(field, wasQuoted));
                    field.Clear();
                    wasQuoted = false;
                    _position++;
                    continue;
                }

                if (c is '\r' or '\n')
                {
                    ConsumeLineEnd();
                    fields.Add(Finish(field, wasQuoted));
                    return new CsvRecord(start, fields);
                }

                field.Append(c);
                _position++;
            }
        }

        /// <summary>Reads a quoted field after its opening quote; false when the file ends before the closing quote.</summary>
        private bool ReadQuoted(StringBuilder field)
        {
            _position++; // opening quote
            while (_position < text.Length)
            {
                var c = text[_position];
                if (c == '"')
                {
                    if (_position + 1 < text.Length && text[_position + 1] == '"')
                    {
                        field.Append('"');
                        _position += 2;
                        continue;
                    }

                    _position++;
                    return true;
                }

                if (c is '\r' or '\n')
                {
                    var lineEnd = c == '\r' && _position + 1 < text.Length && text[_position + 1] == '\n' ? "\r\n" : c.ToString();
                    ConsumeLineEnd();
                    field.Append(lineEnd);
                    continue;
                }

                field.Append(c);
                _position++;
            }

            return false;
        }

        private void ConsumeLineEnd()
        {
            if (text[_position] == '\r' && _position + 1 < text.Length && text[_position + 1] == '\n')
            {
                _position++;
            }

            _position++;
            _line++;
        }

        private static string Finish(StringBuilder field, bool quoted) => quoted ? field.ToString() : field.ToString().Trim();
    }
}
