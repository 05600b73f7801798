using System.Text;

namespace Boards.BuildingBlocks.Import;

/// <summary>Reads one record at a time for <see cref="UploadedCsv"/>, counting physical lines; problems of form become <see cref="ImportError"/>s.</summary>
internal sealed class CsvRecordReader(string text)
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
