using Boards.ServiceDefaults.Authentication;

namespace Boards.Planning.Tests.Integration;

/// <summary>Tokens for the usual callers of one host.</summary>
internal static class Roles
{
    public static string Admin(this PlanningHost host) => host.Token(null, BoardsRoles.MinistryAdmin);

    public static string Analyst(this PlanningHost host) => host.Token(null, BoardsRoles.MinistryAnalyst);

    public static string Integrator(this PlanningHost host) => host.Token(null, BoardsRoles.Integrator);

    public static string FocalPoint(this PlanningHost host, string municipality) => host.Token(municipality, BoardsRoles.FocalPoint);
}
