using Boards.BuildingBlocks.ReferenceData;

namespace Boards.Identity.DemoAccounts;

/// <summary>
/// The demo people: a focal point per municipality, an officer per institution (serving in every pilot municipality),
/// an analyst and an admin.
/// </summary>
public static class DemoAccountCatalog
{
    public static IReadOnlyList<DemoAccount> Load(string referenceDataPath)
    {
        var municipalities = ReadTable(referenceDataPath, "municipalities.csv");
        var institutions = ReadTable(referenceDataPath, "institutions.csv");

        var accounts = new List<DemoAccount>();
        var codes = municipalities.Select(row => Required(row, "code", "municipalities.csv")).ToList();
        foreach (var row in municipalities)
        {
            var code = Required(row, "code", "municipalities.csv");
            var district = row.TryGetValue("district", out var name) && name.Length > 0 ? name : code;
            accounts.Add(new DemoAccount(
                $"focal.{code}", $"Punto focal de {district}", [BoardsRoles.FocalPoint], Municipality: code));
        }

        foreach (var row in institutions)
        {
            var code = Required(row, "code", "institutions.csv");
            accounts.Add(new DemoAccount(
                $"officer.{code}", $"Funcionario/a de {code.ToUpperInvariant()}", [BoardsRoles.InstitutionOfficer],
                Institution: code, ServesIn: codes));
        }

        accounts.Add(new DemoAccount("analyst", "Analista del Ministerio", [BoardsRoles.MinistryAnalyst]));
        accounts.Add(new DemoAccount("admin", "Administrador/a del Ministerio", [BoardsRoles.MinistryAdmin]));
        return accounts;
    }

    private static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadTable(string folder, string fileName)
    {
        var path = Path.Combine(folder, fileName);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"No se encontró {path}: las cuentas de demostración se generan a partir de los datos de referencia " +
                "(configure Identity:ReferenceDataPath).");
        }

        return [.. Csv.Read(path)];
    }

    private static string Required(IReadOnlyDictionary<string, string> row, string column, string fileName) =>
        row.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value.Trim().ToLowerInvariant()
            : throw new InvalidOperationException($"{fileName}: falta la columna '{column}' en una fila.");
}
