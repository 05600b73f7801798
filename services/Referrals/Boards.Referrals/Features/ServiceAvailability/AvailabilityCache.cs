using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Boards.Referrals.Features.ServiceAvailability;

/// <summary>
/// The catalog's "offered" answers of this process, per destination municipality and service, for
/// <see cref="NeedsOptions.AvailabilityCacheSeconds"/> (a minute by default): referrals to the same service in the same
/// minute ask the needs service once. Only answers that let a referral through are kept. A "not offered" answer is
/// asked again each time, so a service added to the catalog a moment ago is found at once, and an answer that could not
/// be obtained (needs down) is never kept. The answer does not depend on the caller: needs answers every Boards role the same.
/// </summary>
public sealed class AvailabilityCache(IOptions<NeedsOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<(string Municipality, string Service), Entry> _answers = new();

    public bool TryGet(string municipalityCode, string serviceCode, out AvailabilityAnswer answer)
    {
        var key = (municipalityCode, serviceCode);
        if (_answers.TryGetValue(key, out var entry))
        {
            if (clock.GetUtcNow() < entry.ExpiresAt)
            {
                answer = entry.Answer;
                return true;
            }

            _answers.TryRemove(KeyValuePair.Create(key, entry));
        }

        answer = null!;
        return false;
    }

    public void Remember(string municipalityCode, string serviceCode, AvailabilityAnswer answer)
    {
        var lifetime = options.Value.AvailabilityCacheLifetime;
        if (lifetime > TimeSpan.Zero && answer is { Verified: true, Offered: true })
        {
            _answers[(municipalityCode, serviceCode)] = new Entry(answer, clock.GetUtcNow() + lifetime);
        }
    }

    private sealed record Entry(AvailabilityAnswer Answer, DateTimeOffset ExpiresAt);
}
