using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Boards.Monitoring.Features.ExportNationalTable;

/// <summary>
/// The export as an Excel workbook (.xlsx), written with the Open XML SDK: one worksheet per <see cref="ExportSheet"/>,
/// the header in row 1, numbers as numeric cells (so a spreadsheet can add them up) and text as inline strings (never
/// formulas, whatever the text starts with).
/// </summary>
public static class NationalTableXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(IReadOnlyList<ExportSheet> sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var list = new Sheets();
            workbookPart.Workbook = new Workbook(list);
            uint sheetId = 1;
            foreach (var sheet in sheets)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = new Worksheet(Data(sheet));
                list.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = sheetId++, Name = sheet.Name });
            }

            workbookPart.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static SheetData Data(ExportSheet sheet)
    {
        var data = new SheetData();
        data.Append(Row(1, sheet.Headers));
        uint index = 2;
        foreach (var cells in sheet.Rows)
        {
            data.Append(Row(index++, cells));
        }

        return data;
    }

    private static Row Row(uint index, IEnumerable<object?> cells)
    {
        var row = new Row { RowIndex = index };
        var column = 0;
        foreach (var value in cells)
        {
            var reference = ColumnName(column++) + index.ToString(CultureInfo.InvariantCulture);
            row.Append(value switch
            {
                null => new Cell { CellReference = reference },
                int number => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(number) },
                double number => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(number) },
                _ => new Cell
                {
                    CellReference = reference,
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "") { Space = SpaceProcessingModeValues.Preserve }),
                },
            });
        }

        return row;
    }

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : ColumnName(index / 26 - 1) + (char)('A' + index % 26);
}
