using static Boards.BuildingBlocks.Import.ImportText;

namespace Boards.Needs.Features.ImportOffer;

/// <summary>The Spanish columns and values of an offer catalog import file (docs/needs-import.md).</summary>
public static class OfferImportColumns
{
    public const string Code = "codigo";
    public const string Name = "nombre";
    public const string Program = "programa";
    public const string Institution = "institucion";
    public const string Categories = "categorias";
    public const string Eligibility = "resumen_elegibilidad";
    public const string Channel = "canal";
    public const string MonthlyCapacity = "capacidad_mensual";
    public const string CapacityStatus = "estado_capacidad";
    public const string WaitlistBand = "banda_espera";

    /// <summary>Several categories in one cell are separated by this character.</summary>
    public const char CategorySeparator = '|';

    public static readonly ImportColumns Columns = new(
        [Code, Name, Program, Institution, Categories, Eligibility, Channel, MonthlyCapacity, CapacityStatus, WaitlistBand],
        [Code, Name, Program, Institution, Categories, Eligibility, Channel, CapacityStatus],
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["codigo_del_servicio"] = Code,
            ["codigo_servicio"] = Code,
            ["nombre_del_servicio"] = Name,
            ["institucion_codigo"] = Institution,
            ["codigo_institucion"] = Institution,
            ["categoria"] = Categories,
            ["resumen_de_elegibilidad"] = Eligibility,
            ["elegibilidad"] = Eligibility,
            ["canal_de_atencion"] = Channel,
            ["capacidad"] = MonthlyCapacity,
            ["capacidad_por_mes"] = MonthlyCapacity,
            ["estado"] = CapacityStatus,
            ["estado_de_capacidad"] = CapacityStatus,
            ["estado_de_la_capacidad"] = CapacityStatus,
            ["banda_de_espera"] = WaitlistBand,
            ["espera"] = WaitlistBand,
            ["tiempo_de_espera"] = WaitlistBand,
        });

    /// <summary>The column of each OfferValidator field, so its errors land on the right column.</summary>
    public static readonly IReadOnlyDictionary<string, string> ColumnOfField = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["code"] = Code,
        ["name"] = Name,
        ["program"] = Program,
        ["institutionCode"] = Institution,
        ["categories"] = Categories,
        ["eligibilitySummary"] = Eligibility,
        ["channel"] = Channel,
        ["monthlyCapacity"] = MonthlyCapacity,
        ["capacityStatus"] = CapacityStatus,
        ["waitlistBand"] = WaitlistBand,
    };

    public static readonly IReadOnlyDictionary<string, ServiceChannel> Channels = Spellings(
        (ServiceChannel.Office, ["oficina", "office"]),
        (ServiceChannel.HealthUnit, ["unidad_de_salud", "unidad_salud", "health_unit"]),
        (ServiceChannel.ServiceDay, ["jornada_de_servicios", "jornada", "jornada_de_servicio", "service_day"]),
        (ServiceChannel.HomeVisit, ["visita_domiciliaria", "visita_a_domicilio", "home_visit"]));

    public static readonly IReadOnlyDictionary<string, Domain.Offer.CapacityStatus> Statuses = Spellings(
        (Domain.Offer.CapacityStatus.Available, ["disponible", "con_cupo", "available"]),
        (Domain.Offer.CapacityStatus.Waitlist, ["lista_de_espera", "en_espera", "waitlist"]),
        (Domain.Offer.CapacityStatus.Full, ["lleno", "sin_cupo", "completo", "full"]));

    public static readonly IReadOnlyDictionary<string, Domain.Offer.WaitlistBand> Bands = Spellings(
        (Domain.Offer.WaitlistBand.Under1Month, ["menos_de_1_mes", "menos_de_un_mes", "under_1_month"]),
        (Domain.Offer.WaitlistBand.OneTo3Months, ["de_1_a_3_meses", "1_a_3_meses", "one_to_3_months"]),
        (Domain.Offer.WaitlistBand.Over3Months, ["mas_de_3_meses", "mas_de_tres_meses", "over_3_months"]));
}
