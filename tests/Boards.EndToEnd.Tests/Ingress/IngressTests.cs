using System.Collections.Concurrent;
using System.Globalization;
using System.Web;
using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;
using Microsoft.Playwright;

namespace Boards.EndToEnd.Tests.Ingress;

/// <summary>
/// An ingress like production's (issue 21): nginx from Debian's packages in front of the portal(s) and the gateway(s),
/// TLS with a certificate made at start (<see cref="NginxIngress"/>). Through it: a person signs in at the identity
/// provider and comes back to the portal over https, whose cookies are Secure and HttpOnly and whose answers carry HSTS,
/// and signs out again; a change made through the ingress's REST API reaches an open page over the server-sent live
/// stream without a reload; an integrator creates, reads, accepts and watches a referral over gRPC with TLS and over
/// h2c. Every request nginx passed on reached a healthy upstream at the first try, and every upstream listed served
/// some. General Higinio Morínigo's referrals are only added to, never counted, by the other tests.
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class IngressTests(BoardsAppFixture boards) : IAsyncLifetime
{
    private const string Municipality = "general-higinio-morinigo";

    /// <summary>What nginx stands in front of: each replica's port, one list per upstream.</summary>
    private static readonly IngressUpstreams Upstreams = new(
        Portals: [.. BoardsAppFixture.ReplicasOf("portal", BoardsAppFixture.PortalPort).Select(r => r.Port)],
        Gateways: [.. BoardsAppFixture.ReplicasOf("gateway", BoardsAppFixture.GatewayPort).Select(r => r.Port)],
        GatewayGrpc: [.. BoardsAppFixture.ReplicasOf("gateway", BoardsAppFixture.GatewayGrpcPort).Select(r => r.Port)]);

    private NginxIngress? _ingress;
    private PortalBrowser? _browser;
    private HttpClient? _https;

    private NginxIngress Ingress => _ingress!;
    private PortalBrowser Browser => _browser!;
    /// <summary>The ingress's REST API, trusting its certificate (and nothing else).</summary>
    private HttpClient Https => _https!;

    public async Task InitializeAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await boards.App.ResourceNotifications.WaitForResourceHealthyAsync("portal", patience.Token);
        _ingress = await NginxIngress.StartAsync(boards.DataDirectory, Upstreams);
        _https = new HttpClient(Ingress.Certificate.TrustingHandler())
        {
            BaseAddress = new Uri(NginxIngress.HttpsUrl),
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        // Chromium trusts the ingress's key alone (the switch needs a user data folder, which Playwright always gives).
        _browser = await PortalBrowser.LaunchAsync($"--ignore-certificate-errors-spki-list={Ingress.Certificate.SpkiHash}");
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _https?.Dispose();
        if (_ingress is not null)
        {
            await _ingress.DisposeAsync();
        }
    }

    [Fact]
    public async Task Ingress_a_person_signs_in_and_out_over_https_with_Secure_cookies_and_HSTS()
    {
        // Validation is on: a client that does not trust the ingress's certificate is refused.
        using (var untrusting = new HttpClient())
        {
            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => untrusting.GetAsync(NginxIngress.HttpsUrl + "/"));
            Assert.Equal(HttpRequestError.SecureConnectionError, refused.HttpRequestError);
        }

        // The portal believes nginx's X-Forwarded-Proto and Host: its callback is the ingress's https address, and the
        // correlation cookies it sets on the way out are Secure. Over HTTP/2, as browsers speak to the ingress.
        using (var challenge = await Https.GetAsync("/cuenta/ingresar?returnUrl=%2Freferencias"))
        {
            Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
            Assert.Equal(HttpVersion.Version20, challenge.Version);
            var authorize = challenge.Headers.Location!;
            Assert.StartsWith($"http://localhost:{BoardsAppFixture.IdentityPort}/", authorize.AbsoluteUri, StringComparison.Ordinal);
            Assert.Equal($"{NginxIngress.HttpsUrl}/signin-oidc", HttpUtility.ParseQueryString(authorize.Query)["redirect_uri"]);
            Assert.Equal("max-age=31536000", Assert.Single(challenge.Headers.GetValues("Strict-Transport-Security")));
            var correlation = challenge.Headers.GetValues("Set-Cookie").ToList();
            Assert.NotEmpty(correlation);
            Assert.All(correlation, AssertSecureAndHttpOnly);
        }

        var page = await Browser.NewPageAsync();
        var setCookies = new ConcurrentQueue<Task<IReadOnlyList<string>>>();
        page.Context.Response += (_, response) =>
        {
            if (response.Url.StartsWith(NginxIngress.HttpsUrl, StringComparison.Ordinal))
            {
                setCookies.Enqueue(response.HeaderValuesAsync("set-cookie"));
            }
        };
        await PortalBrowser.SignInAsync(page, NginxIngress.HttpsUrl, $"focal.{Municipality}", "/referencias");
        var answer = await page.ReloadAsync();
        Assert.Equal(200, answer!.Status);
        Assert.Equal("max-age=31536000", await answer.HeaderValueAsync("strict-transport-security"));
        await page.WaitForSelectorAsync("[data-testid=user-name]");

        // Every cookie the portal set through the ingress, and every one the browser keeps for it, is Secure and
        // HttpOnly (the identity provider's own are on plain http here, outside the ingress).
        var headers = (await Task.WhenAll(setCookies)).SelectMany(values => values).ToList();
        Assert.Contains(headers, header => header.StartsWith("boards.portal=", StringComparison.Ordinal));
        Assert.All(headers, AssertSecureAndHttpOnly);
        var kept = (await page.Context.CookiesAsync()).Where(c => !c.Name.StartsWith("boards_identity", StringComparison.Ordinal)).ToList();
        Assert.Contains(kept, c => c.Name == "boards.portal");
        Assert.Contains(kept, c => c.Name.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.All(kept, c => Assert.True(c.Secure && c.HttpOnly, $"{c.Name}: Secure {c.Secure}, HttpOnly {c.HttpOnly}"));

        // Signing out goes through the identity provider and back to the ingress's https address.
        await page.ClickAsync("form[action='/cuenta/salir'] button");
        await page.WaitForURLAsync(NginxIngress.HttpsUrl + "/");
        await page.WaitForSelectorAsync("main a[href^='/cuenta/ingresar']");
        await page.Context.CloseAsync();

        await AssertServedByHealthyUpstreamsAsync(Traffic.Portal);
    }

    [Fact]
    public async Task Ingress_a_change_made_through_the_API_reaches_an_open_page_over_the_live_stream()
    {
        var page = await Browser.NewPageAsync();
        var inbox = $"/referencias?bandeja=todas&municipio={Municipality}";
        await PortalBrowser.SignInAsync(page, NginxIngress.HttpsUrl, "analyst", inbox);
        await page.WaitForSelectorAsync("[data-testid=inbox-region]");
        var navigations = 0;
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
            {
                navigations++;
            }
        };
        // live.js marks the status once the EventSource is open: the first event ("conectado") came through nginx.
        await page.WaitForFunctionAsync("() => document.getElementById('live-status')?.dataset.state === 'on'", null,
            new PageWaitForFunctionOptions { Timeout = 20_000 });

        var focal = await boards.Tokens.ForUser($"focal.{Municipality}");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var created = await Https.ExpectJsonAsync(HttpMethod.Post, "/api/referrals", focal, [HttpStatusCode.Created], new
        {
            requestId = Guid.NewGuid().ToString(),
            municipalityCode = Municipality,
            originInstitution = "municipalidad",
            destinationInstitution = "mspbs",
            serviceCode = OfferSetup.PrimaryCare,
            needCategory = "health",
            priority = "normal",
            reason = "Control de presión arterial pendiente.",
            person = new
            {
                documentNumber = Random.Shared.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture),
                givenNames = "Ramona",
                familyNames = $"Ortiz {tag}",
                birthDate = "1961-04-09",
                sex = "female",
            },
            consent = new { given = true, givenBy = "la persona" },
        });
        var id = created.GetProperty("id").GetString();

        await page.Locator($"tr[data-referral='{id}']").WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });
        Assert.Equal(0, navigations);
        Assert.Equal("La lista se actualizó con los últimos cambios.", await page.InnerTextAsync("#live-status"));

        // Read back through the ingress, a few times: with several gateways, each answers some.
        for (var i = 0; i < 4; i++)
        {
            var read = await Https.ExpectJsonAsync(HttpMethod.Get, $"/api/referrals/{id}", focal, [HttpStatusCode.OK]);
            Assert.Equal(id, read.GetProperty("id").GetString());
        }

        // nginx logs a stream when it ends: closing the page ends it, served by a portal.
        await page.Context.CloseAsync();
        var served = await Eventually.Until(Ingress.ServedAsync, lines => lines.Any(IsLiveStream), TimeSpan.FromSeconds(15), "nginx to log the live stream");
        Assert.Contains(served, line => IsLiveStream(line) && line.Status == 200 && Upstreams.Portals.Contains(line.UpstreamPort));

        await AssertServedByHealthyUpstreamsAsync(Traffic.Portal, Traffic.Rest);
    }

    [Fact]
    public async Task Ingress_an_integrator_creates_reads_accepts_and_watches_a_referral_over_gRPC_with_TLS_and_h2c()
    {
        // TLS validated against the ingress's own certificate, the only root this channel trusts.
        using var tls = GrpcChannel.ForAddress(NginxIngress.GrpcTlsUrl, new GrpcChannelOptions { HttpHandler = Ingress.Certificate.TrustingHandler() });
        using var cleartext = GrpcChannel.ForAddress(NginxIngress.GrpcCleartextUrl);
        var overTls = new ReferralService.ReferralServiceClient(tls);
        var overH2c = new ReferralService.ReferralServiceClient(cleartext);
        var focal = BoardsAppFixture.Bearer(await boards.Tokens.ForUser($"focal.{Municipality}"));
        var integrator = BoardsAppFixture.Bearer(await boards.Tokens.ForIntegrator());

        // The integrator's stream stays open through nginx while the referral is made and then accepted.
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var watch = overTls.WatchReferrals(
            new WatchReferralsRequest { MunicipalityCode = Municipality, Since = Timestamp.FromDateTime(DateTime.UtcNow.AddSeconds(-2)) },
            integrator, cancellationToken: cancel.Token);

        var created = await overTls.CreateReferralAsync(Requests.NewReferral(Municipality), focal);
        var readOverTls = await overTls.GetReferralAsync(new GetReferralRequest { Id = created.Id }, focal);
        var readOverH2c = await overH2c.GetReferralAsync(new GetReferralRequest { Id = created.Id }, integrator);
        Assert.Equal((created.Id, created.Version), (readOverTls.Id, readOverTls.Version));
        Assert.Equal((created.Id, created.Version), (readOverH2c.Id, readOverH2c.Version));
        Assert.Equal(ReferralStatus.Requested, (await NextChangeAsync(watch, created.Id, cancel.Token)).Status);

        var accepted = await overH2c.AcceptReferralAsync(new AcceptReferralRequest { Id = created.Id, ExpectedVersion = created.Version }, integrator);
        Assert.Equal(ReferralStatus.Accepted, accepted.Status);
        var change = await NextChangeAsync(watch, created.Id, cancel.Token);
        Assert.Equal((ReferralStatus.Accepted, accepted.Version), (change.Status, change.Version));

        // Ending the stream: nginx logs it, as answered by a gateway.
        watch.Dispose();
        var served = await Eventually.Until(Ingress.ServedAsync, lines => lines.Any(l => l.Request.Contains("/WatchReferrals ", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(15), "nginx to log the WatchReferrals stream");
        Assert.Contains(served, line => line.Port == NginxIngress.GrpcTlsPort && line.Request.Contains("/CreateReferral ", StringComparison.Ordinal));
        Assert.Contains(served, line => line.Port == NginxIngress.GrpcCleartextPort && line.Request.Contains("/AcceptReferral ", StringComparison.Ordinal));

        await AssertServedByHealthyUpstreamsAsync(Traffic.Grpc);
    }

    private static async Task<ReferralChange> NextChangeAsync(AsyncServerStreamingCall<ReferralChange> watch, string referralId, CancellationToken cancellationToken)
    {
        while (await watch.ResponseStream.MoveNext(cancellationToken))
        {
            if (watch.ResponseStream.Current.ReferralId == referralId)
            {
                return watch.ResponseStream.Current;
            }
        }

        throw new InvalidOperationException($"The stream ended before a change of {referralId} came.");
    }

    private static bool IsLiveStream(NginxIngress.Served line) => line.Request.StartsWith("GET /vivo/", StringComparison.Ordinal);

    private static void AssertSecureAndHttpOnly(string setCookie)
    {
        var attributes = setCookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.True(attributes.Contains("secure") && attributes.Contains("httponly"), $"Set-Cookie without Secure or HttpOnly: {setCookie}");
    }

    private enum Traffic
    {
        Portal,
        Rest,
        Grpc,
    }

    private static Traffic KindOf(NginxIngress.Served line) =>
        line.Port != NginxIngress.HttpsPort ? Traffic.Grpc
        : line.Request.Split(' ') is [_, var path, ..] && path.StartsWith("/api/", StringComparison.Ordinal) ? Traffic.Rest
        : Traffic.Portal;

    private static IReadOnlyList<int> UpstreamsOf(Traffic kind) => kind switch
    {
        Traffic.Portal => Upstreams.Portals,
        Traffic.Rest => Upstreams.Gateways,
        _ => Upstreams.GatewayGrpc,
    };

    /// <summary>
    /// From nginx's access log: each request went to an upstream of its kind, the first one chosen answered it (no
    /// failed attempt, no 5xx), and each kind of traffic the test made was served by every replica listed (round robin).
    /// </summary>
    private async Task AssertServedByHealthyUpstreamsAsync(params Traffic[] made)
    {
        var served = await Ingress.ServedAsync();
        var errors = await Ingress.ErrorLogAsync();
        Assert.NotEmpty(served);
        Assert.All(served, line =>
        {
            Assert.True(line.FirstTryHealthy, $"not served by a healthy upstream at the first try: {line}\n{errors}");
            Assert.Contains(line.UpstreamPort, UpstreamsOf(KindOf(line)));
        });
        Assert.Equal(made.Order(), served.Select(KindOf).Distinct().Order());
        foreach (var kind in made)
        {
            Assert.Equal(UpstreamsOf(kind).Order(), served.Where(line => KindOf(line) == kind).Select(line => line.UpstreamPort).Distinct().Order());
        }
    }
}
