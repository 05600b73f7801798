using Boards.BuildingBlocks.Import;
using Boards.Needs.Domain.Categories;

namespace Boards.Needs.Features.Common;

/// <summary>The need categories as an import file may name them: by code (food_security) or by Spanish name (Seguridad alimentaria).</summary>
public sealed class ImportCategories
{
    private readonly IReadOnlyDictionary<string, string> _codeBySpelling;

    public ImportCategories(IEnumerable<NeedCategory> categories)
    {
        var list = categories.ToList();
        Codes = list.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var bySpelling = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var category in list)
        {
            bySpelling.TryAdd(ImportText.Normalize(category.Name), category.Code);
        }

        // A code wins over a name spelled the same way.
        foreach (var category in list)
        {
            bySpelling[ImportText.Normalize(category.Code)] = category.Code;
        }

        _codeBySpelling = bySpelling;
    }

    public IReadOnlySet<string> Codes { get; }

    /// <summary>The category's code; an unknown value comes back as typed, for the validator to report.</summary>
    public string Resolve(string value) =>
        _codeBySpelling.TryGetValue(ImportText.Normalize(value), out var code) ? code : value.Trim();
}
