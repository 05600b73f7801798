namespace Boards.ServiceDefaults.Authentication;

/// <summary>Realm roles, spelled as in Keycloak's realm export (deploy/keycloak/boards-realm.json).</summary>
public static class BoardsRoles
{
    public const string FocalPoint = "focal-point";
    public const string InstitutionOfficer = "institution-officer";
    public const string MinistryAnalyst = "ministry-analyst";
    public const string MinistryAdmin = "ministry-admin";
    public const string Integrator = "integrator";

    public static readonly IReadOnlyList<string> All =
        [FocalPoint, InstitutionOfficer, MinistryAnalyst, MinistryAdmin, Integrator];
}
