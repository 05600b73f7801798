namespace Boards.Identity.Accounts;

/// <summary>The realm roles a user may hold, as declared in deploy/keycloak/boards-realm.json.</summary>
public static class RealmRoles
{
    /// <summary>Keycloak gives the realm and each role a UUID; stable ones derived from the names do the same here.</summary>
    public static readonly string RealmId = StableSubject.For("realm:boards");

    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        [BoardsRoles.FocalPoint] = "Punto focal: actúa por un municipio (atributo municipality).",
        [BoardsRoles.InstitutionOfficer] =
            "Funcionario/a: actúa por una institución (atributo institution) en los municipios donde sirve (atributo municipalities, varios valores).",
        [BoardsRoles.MinistryAnalyst] = "Analista del Ministerio: lee todo.",
        [BoardsRoles.MinistryAdmin] = "Administrador/a del Ministerio: gestiona los datos de referencia.",
        [BoardsRoles.Integrator] = "Cliente de integración (client credentials) que actúa por una institución.",
    };

    public static IEnumerable<RealmRole> All => BoardsRoles.All.Select(name => Find(name)!);

    public static RealmRole? Find(string? name) =>
        name is not null && Descriptions.TryGetValue(name, out var description)
            ? new RealmRole(StableSubject.For("role:" + name), name, description)
            : null;
}

public sealed record RealmRole(string Id, string Name, string Description);
