using Boards.Portal.Naming;

namespace Boards.Portal.Referrals;

/// <summary>What the referral pages name: the institutions and municipalities on each side, the category, and the service in the destination's offer.</summary>
public static class ReferralNames
{
    public const NameLists Lists = NameLists.Institutions | NameLists.Municipalities | NameLists.Categories;

    /// <summary>Reads the names for these referrals; a service is named from its destination municipality's offer, where it was checked.</summary>
    public static Task LoadForAsync(this NameBook names, IEnumerable<string> destinationMunicipalities) =>
        names.LoadAsync(Lists, destinationMunicipalities);

    public static Task LoadForAsync(this NameBook names, IEnumerable<ReferralView> referrals) =>
        names.LoadForAsync(referrals.Select(r => r.DestinationMunicipalityCode));

    public static string ServiceOf(this NameBook names, ReferralView r) => names.Service(r.DestinationMunicipalityCode, r.ServiceCode);

    /// <summary>One side of a referral: "Ministerio de Salud Pública y Bienestar Social · Alto Verá".</summary>
    public static string Side(this NameBook names, string institution, string municipality) =>
        $"{names.Institution(institution)} · {names.Municipality(municipality)}";
}
