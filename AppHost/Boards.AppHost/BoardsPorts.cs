using Microsoft.Extensions.Configuration;

namespace Boards.AppHost;

/// <summary>Fixed loopback ports (section Ports), documented in docs/configuration.md. Tests pass other values.</summary>
public sealed record BoardsPorts(int Identity, int Gateway, int GatewayGrpc, int Referrals, int ReferralsGrpc, int Monitoring, int MonitoringGrpc, int Membership, int MembershipGrpc, int Needs, int NeedsGrpc,
    int ServiceDays, int ServiceDaysGrpc, int Planning, int PlanningGrpc, int Notifications, int Participation, int Portal, int Mail, int Monolith, int MonolithGrpc)
{
    public static BoardsPorts From(IConfiguration configuration)
    {
        var ports = configuration.GetSection("Ports");
        return new BoardsPorts(
            ports.GetValue("Identity", 5070),
            ports.GetValue("Gateway", 5080),
            ports.GetValue("GatewayGrpc", 5081),
            ports.GetValue("Referrals", 5101),
            ports.GetValue("ReferralsGrpc", 5102),
            ports.GetValue("Monitoring", 5111),
            ports.GetValue("MonitoringGrpc", 5112),
            ports.GetValue("Membership", 5121),
            ports.GetValue("MembershipGrpc", 5122),
            ports.GetValue("Needs", 5131),
            ports.GetValue("NeedsGrpc", 5132),
            ports.GetValue("ServiceDays", 5141),
            ports.GetValue("ServiceDaysGrpc", 5142),
            ports.GetValue("Planning", 5151),
            ports.GetValue("PlanningGrpc", 5152),
            ports.GetValue("Notifications", 5161),
            ports.GetValue("Participation", 5171),
            ports.GetValue("Portal", 5090),
            ports.GetValue("Mail", 5025),
            ports.GetValue("Monolith", 5201),
            ports.GetValue("MonolithGrpc", 5202));
    }
}
