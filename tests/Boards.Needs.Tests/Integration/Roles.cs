using Boards.ServiceDefaults.Authentication;

namespace Boards.Needs.Tests.Integration;

/// <summary>Tokens for the usual callers of one host.</summary>
internal static class Roles
{
    public static string Admin(this NeedsHost host) => host.Token(null, BoardsRoles.MinistryAdmin);

    public static string Analyst(this NeedsHost host) => host.Token(null, BoardsRoles.MinistryAnalyst);

    public static string Officer(this NeedsHost host) => host.Token(null, BoardsRoles.InstitutionOfficer);

    public static string Integrator(this NeedsHost host) => host.Token(null, BoardsRoles.Integrator);

    public static string FocalPoint(this NeedsHost host, string municipality) => host.Token(municipality, BoardsRoles.FocalPoint);
}
