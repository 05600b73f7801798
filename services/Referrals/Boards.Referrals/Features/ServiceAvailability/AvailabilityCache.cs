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
    private readonly ConcurrentDictionary<(string Municipality, string Service), Lazy<Task<AvailabilityAnswer>>> _asking = new();

    /// <summary>
    /// Asks once for every referral that needs the same answer at the same moment: while one question for a destination
    /// and service is on its way, the others wait for its answer instead of asking too (at concurrency 32, an expired
    /// answer otherwise sent a burst of identical questions). With no lifetime every referral asks on its own.
    /// </summary>
    public Task<AvailabilityAnswer> AskOnceAsync(string municipalityCode, string serviceCode, Func<Task<AvailabilityAnswer>> ask,
        CancellationToken cancellationToken)
    {
        if (options.Value.AvailabilityCacheLifetime <= TimeSpan.Zero)
        {
            return ask().WaitAsync(cancellationToken);
        }

        var key = (municipalityCode, serviceCode);
        var question = _asking.GetOrAdd(key, _ => new Lazy<Task<AvailabilityAnswer>>(() => AskAndRememberAsync(key, ask)));
        return question.Value.WaitAsync(cancellationToken);
    }

    private async Task<AvailabilityAnswer> AskAndRememberAsync((string Municipality, string Service) key, Func<Task<AvailabilityAnswer>> ask)
    {
        try
        {
            var answer = await ask();
            Remember(key.Municipality, key.Service, answer);
            return answer;
        }
        finally
        {
            // Only this question is under the key until now: the next one starts afresh (or finds the answer kept).
            _asking.TryRemove(key, out _);
        }
    }

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
