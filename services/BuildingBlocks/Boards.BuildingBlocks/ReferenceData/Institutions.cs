namespace Boards.BuildingBlocks.ReferenceData;

/// <summary>
/// The institution codes of data/reference/institutions.csv (shipped in each service's Seed/): who may offer a service
/// (Needs) or be responsible for a plan action (Planning).
/// </summary>
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
