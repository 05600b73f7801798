using System.Text;

namespace Boards.BuildingBlocks.Import;

/// <summary>
/// An RFC 4180 reader for uploaded files (member, offer and needs imports): UTF-8 with or without a BOM, ';' or ',' as
/// separator (whichever the header uses more), quoted fields with doubled quotes and line breaks inside quotes, CRLF, LF
/// or CR line ends. Lines are counted physically, so a record's line is the line of the file an editor shows. Blank
/// lines are skipped. (The reference files shipped in data/reference are read by <c>ReferenceData.Csv</c>.)
/// </summary>
public static class UploadedCsv
{
    /// <summary>What the "empty file" message calls the rows when the caller does not say ("una fila de datos").</summary>
    public const string DefaultRowsName = "datos";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the file's bytes; <paramref name="rowsName"/> names its rows in the "empty file" message ("miembros").</summary>
    public static CsvTable Parse(ReadOnlySpan<byte> bytes, int maxRows, string rowsName = DefaultRowsName)
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

        return Parse(text, maxRows, rowsName);
    }

    /// <summary>Reads the file's text; <paramref name="rowsName"/> names its rows in the "empty file" message ("miembros").</summary>
    public static CsvTable Parse(string text, int maxRows, string rowsName = DefaultRowsName)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var errors = new List<ImportError>();
        var reader = new CsvRecordReader(text);
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

        if (header is null)
        {
            return Failed(new ImportError(1, null, $"El archivo está vacío: debe tener una fila de encabezados y al menos una fila de {rowsName}."));
        }

        return new CsvTable(separator, headerLine, header, records, errors, tooMany);
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
}
