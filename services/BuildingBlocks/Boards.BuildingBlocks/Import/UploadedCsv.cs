using System.Diagnostics;
using System.Text;
using CsvHelper;

namespace Boards.BuildingBlocks.Import;

/// <summary>
/// Reads uploaded files (member, offer and needs imports) with CsvHelper: UTF-8 with or without a BOM, ';' or ',' as
/// separator (detected from the first lines), quoted fields with doubled quotes and line breaks inside quotes, CRLF, LF
/// or CR line ends. Lines are counted physically, so a record's line is the line of the file an editor shows. Blank
/// lines are skipped. The library reads in time linear in the input; the time budget still bounds one parse, so that a
/// hostile file cannot hold a core (docs/member-import.md).
/// </summary>
public static class UploadedCsv
{
    /// <summary>What the "empty file" message calls the rows when the caller does not say ("una fila de datos").</summary>
    public const string DefaultRowsName = "datos";

    /// <summary>How long one parse may take before it stops with an error: a 5 MB file takes milliseconds.</summary>
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(5);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the file's bytes; <paramref name="rowsName"/> names its rows in the "empty file" message ("miembros").</summary>
    public static CsvTable Parse(ReadOnlySpan<byte> bytes, int maxRows, string rowsName = DefaultRowsName, TimeSpan? budget = null)
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
            var index = Math.Clamp(exception.Index, 0, bytes.Length);
            var line = 1 + bytes[..index].Count((byte)'\n');
            return Failed(new ImportError(line, null, "El archivo no está en UTF-8: guárdelo como «CSV UTF-8» e inténtelo de nuevo."));
        }

        return Parse(text, maxRows, rowsName, budget);
    }

    /// <summary>Reads the file's text; <paramref name="rowsName"/> names its rows in the "empty file" message ("miembros").</summary>
    public static CsvTable Parse(string text, int maxRows, string rowsName = DefaultRowsName, TimeSpan? budget = null)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var errors = new List<ImportError>();
        var refusedLines = new HashSet<long>();
        var options = new CsvReaderOptions
        {
            HasHeader = false,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            DetectSeparatorHint = false,
            // A quote inside an unquoted field (Juan "Pepe" Pérez) is kept as text, as spreadsheets do; any other
            // broken quoting refuses the record, with its line.
            MalformedData = CsvMalformedDataHandling.Recover,
            OnMalformedRecord = malformed =>
            {
                if (malformed.Reason != CsvMalformedReason.StrayQuote && refusedLines.Add(malformed.LineNumber))
                {
                    errors.Add(new ImportError((int)malformed.LineNumber, null, Malformed(malformed.Reason, malformed.LineNumber)));
                }
            },
        };

        var clock = Stopwatch.StartNew();
        var limit = budget ?? DefaultBudget;
        using var reader = CsvReader.FromText(text, options);
        List<string>? header = null;
        var headerLine = 0;
        var records = new List<CsvRecord>();
        var tooMany = false;
        while (reader.Read())
        {
            if (clock.Elapsed > limit)
            {
                return Failed(new ImportError((int)reader.LineNumber, null,
                    $"El archivo tardó más de {limit.TotalSeconds:0.#} s en leerse y no se importó nada: divídalo en archivos más pequeños."));
            }

            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader.GetString(i);
            }

            if (refusedLines.Contains(reader.LineNumber) || fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (header is null)
            {
                header = [.. fields];
                headerLine = (int)reader.LineNumber;
                continue;
            }

            if (records.Count == maxRows)
            {
                tooMany = true;
                break;
            }

            records.Add(new CsvRecord((int)reader.LineNumber, fields));
        }

        if (header is null && errors.Count == 0)
        {
            return Failed(new ImportError(1, null, $"El archivo está vacío: debe tener una fila de encabezados y al menos una fila de {rowsName}."));
        }

        return new CsvTable(reader.Separator, headerLine, header ?? [], records, errors, tooMany);
    }

    private static string Malformed(CsvMalformedReason reason, long line) => reason switch
    {
        CsvMalformedReason.UnterminatedQuote => $"Unas comillas abiertas en la línea {line} no se cierran.",
        CsvMalformedReason.TextAfterClosingQuote =>
            "Hay texto después de las comillas de cierre de un campo; encierre todo el valor entre comillas y duplique las comillas internas (\"\").",
        _ => "La fila no tiene la forma de un CSV: revise las comillas y los separadores.",
    };

    private static CsvTable Failed(ImportError error) => new(',', 0, [], [], [error], false);
}
