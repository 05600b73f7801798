extern alias referrals;

using System.Collections.Concurrent;
using referrals::Boards.Referrals.Features.ServiceAvailability;

namespace Boards.ServiceDays.Tests.Integration;

/// <summary>
/// The offer catalog as the in-process referrals service asks it. A service a test withdrew
/// (<see cref="ServiceDaysHost.Withdraw"/>) is verified as not offered, so the REAL referrals service refuses it with
/// FailedPrecondition SERVICE_NOT_OFFERED, as it does when Needs says so; every other service is asked as usual.
/// </summary>
public sealed class WithdrawnServices(ConcurrentDictionary<string, byte> withdrawn, OfferCatalogAvailability catalog) : IServiceAvailability
{
    public Task<AvailabilityAnswer> CheckAsync(string municipalityCode, string serviceCode, CancellationToken cancellationToken) =>
        withdrawn.ContainsKey(serviceCode)
            ? Task.FromResult(new AvailabilityAnswer
            {
                Verified = true,
                Offered = false,
                Message = $"El servicio '{serviceCode}' ya no se ofrece en '{municipalityCode}'.",
            })
            : catalog.CheckAsync(municipalityCode, serviceCode, cancellationToken);
}
