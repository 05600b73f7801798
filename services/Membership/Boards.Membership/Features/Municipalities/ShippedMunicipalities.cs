using System.Globalization;
using Boards.BuildingBlocks.ReferenceData;

namespace Boards.Membership.Features.Municipalities;

public sealed record ShippedMunicipality(string Code, string Name, string Department, int DepartmentNumber, string Status);

/// <summary>The list shipped with the service (Seed/municipalities.csv), read once.</summary>
public sealed class ShippedMunicipalities
{
    private readonly Lazy<IReadOnlyDictionary<string, ShippedMunicipality>> _rows = new(Load);

    public IEnumerable<ShippedMunicipality> Rows => _rows.Value.Values;

    public bool Contains(string code) => _rows.Value.ContainsKey(code);

    private static IReadOnlyDictionary<string, ShippedMunicipality> Load() =>
        Csv.Read(Path.Combine(AppContext.BaseDirectory, "Seed", "municipalities.csv"))
            .Select(row => new ShippedMunicipality(
                row["code"], row["district"], row["department"],
                int.Parse(row["department_number"], CultureInfo.InvariantCulture), row["status"]))
            .ToDictionary(m => m.Code, StringComparer.Ordinal);
}
