namespace Boards.Monitoring.Domain;

/// <summary>
/// One institution's part in one service day, from the day's latest report (replaced with it): the national table adds
/// these up per municipality and institution over a period. Municipality and date ride along so a period reads an index.
/// </summary>
public sealed class ServiceDayInstitution
{
    private ServiceDayInstitution()
    {
        InstitutionCode = "";
        Code = "";
    }

    public Guid ServiceDayId { get; private set; }
    public string InstitutionCode { get; private set; }
    public string Code { get; private set; }
    public DateOnly Date { get; private set; }
    public int Attentions { get; private set; }
    public int Services { get; private set; }
}
