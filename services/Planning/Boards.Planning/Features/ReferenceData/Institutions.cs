using Boards.BuildingBlocks.ReferenceData;

namespace Boards.Planning.Features.ReferenceData;

/// <summary>The institution codes of data/reference/institutions.csv (shipped in Seed/): who may be responsible for an action.</summary>
public sealed class Institutions
{
    private readonly IReadOnlyDictionary<string, string> _names;

    public Institutions(IReadOnlyDictionary<string, string> names) => _names = names;

    public static Institutions FromSeed() =>
        new(Csv.Read(Path.Combine(AppContext.BaseDirectory, "Seed", "institutions.csv"))
            .ToDictionary(row => row["code"], row => row["name"], StringComparer.Ordinal));

    public bool Contains(string code) => _names.ContainsKey(code);

    public IEnumerable<string> Codes => _names.Keys.Order(StringComparer.Ordinal);

    public string NameOf(string code) => _names.TryGetValue(code, out var name) ? name : code;
}
