using Microsoft.Playwright;

namespace Boards.EndToEnd.Tests.ServiceDaysOffline;

/// <summary>The tablet page of a service day (/jornadas/dia/{id}/tableta), driven as a focal point would.</summary>
public sealed class Tablet(IPage page, string portalUrl, string dayId)
{
    public IPage Page => page;

    public string Path => $"/jornadas/dia/{dayId}/tableta";

    /// <summary>The day's pack shown and the service worker in charge of the page (so that it opens without signal).</summary>
    public async Task WaitUntilReadyOfflineAsync()
    {
        await page.Locator("[data-testid=day-title]", new() { HasText = "Jornada del" }).WaitForAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => navigator.serviceWorker.ready.then(r => !!r.active)"));
        await Eventually.Until(() => page.EvaluateAsync<int>("() => caches.keys().then(k => Promise.all(k.map(n => caches.open(n).then(c => c.keys())))).then(l => l.flat().length)"),
            n => n >= 7, TimeSpan.FromSeconds(30), "the service worker's cache with the app shell");
    }

    public async Task RecordBatchAsync(params (string? Document, string Service)[] people)
    {
        var rows = page.Locator("[data-testid=attendance-row]");
        for (var i = 0; i < people.Length; i++)
        {
            if (people[i].Document is { } document)
            {
                await rows.Nth(i).Locator("[data-testid=doc]").FillAsync(document);
            }
            else
            {
                await rows.Nth(i).Locator("[data-testid=no-doc]").CheckAsync();
            }

            await rows.Nth(i).Locator("[data-testid=service]").SelectOptionAsync(people[i].Service);
        }

        var before = await ItemsAsync();
        await page.ClickAsync("[data-testid=attendance-save]");
        await Eventually.Until(ItemsAsync, n => n == before + 1, TimeSpan.FromSeconds(10), "the batch in the tablet's queue");
    }

    public async Task ReferAsync(string origin, string destination, string service, string need, string? document, string given, string family)
    {
        await page.SelectOptionAsync("[data-testid=refer-origin]", origin);
        await page.SelectOptionAsync("[data-testid=refer-destination]", destination);
        await page.SelectOptionAsync("[data-testid=refer-service]", service);
        await page.SelectOptionAsync("[data-testid=refer-need]", need);
        await page.SelectOptionAsync("[data-testid=refer-priority]", "high");
        await page.FillAsync("[data-testid=refer-reason]", "Necesidad detectada en la jornada; la persona pide atención.");
        if (document is null)
        {
            await page.CheckAsync("[data-testid=refer-nodoc]");
        }
        else
        {
            await page.FillAsync("[data-testid=refer-doc]", document);
        }

        await page.FillAsync("[data-testid=refer-given]", given);
        await page.FillAsync("[data-testid=refer-family]", family);
        await page.FillAsync("[data-testid=refer-birth]", "1974-05-20");
        await page.SelectOptionAsync("[data-testid=refer-sex]", "female");
        await page.CheckAsync("[data-testid=refer-consent]");
        await page.FillAsync("[data-testid=refer-consent-by]", "la persona");
        var before = await ItemsAsync();
        await page.ClickAsync("[data-testid=refer-save]");
        await Eventually.Until(ItemsAsync, n => n == before + 1, TimeSpan.FromSeconds(10), "the referral in the tablet's queue");
    }

    public Task<int> ItemsAsync() => page.Locator("[data-testid=queue-item]").CountAsync();

    public Task<int> InStateAsync(string state) => page.Locator($"[data-testid=queue-item][data-state={state}]").CountAsync();

    /// <summary>Waits until exactly <paramref name="count"/> items are in the state (the sync runs on its own).</summary>
    public Task WaitForAsync(string state, int count, int seconds = 60) =>
        Eventually.Until(() => InStateAsync(state), n => n == count, TimeSpan.FromSeconds(seconds), $"{count} items {state} on the tablet");

    /// <summary>
    /// Everything IndexedDB holds for this site, every store of every database, with binary values as their bytes read
    /// as Latin-1 text: a document number or a name kept in the clear would show up in it.
    /// </summary>
    public Task<string> StorageDumpAsync() => page.EvaluateAsync<string>("""
        async () => {
          const text = v => v instanceof ArrayBuffer || ArrayBuffer.isView(v)
            ? String.fromCharCode(...new Uint8Array(v.buffer ?? v))
            : v && typeof v === 'object' && !(v instanceof CryptoKey) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, text(x)])) : v;
          const out = [];
          for (const info of await indexedDB.databases()) {
            const db = await new Promise((ok, ko) => { const q = indexedDB.open(info.name); q.onsuccess = () => ok(q.result); q.onerror = ko; });
            for (const name of db.objectStoreNames) {
              const all = await new Promise(ok => { const q = db.transaction(name).objectStore(name).getAll(); q.onsuccess = () => ok(q.result); });
              out.push({ db: info.name, store: name, rows: all.map(text) });
            }
            db.close();
          }
          return JSON.stringify(out);
        }
        """);

    public Task OpenAsync() => page.GotoAsync(portalUrl + Path);
}
