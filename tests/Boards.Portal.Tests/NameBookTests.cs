using System.Net;
using System.Security.Claims;
using System.Text;
using Boards.Portal;
using Boards.Portal.Api;
using Boards.Portal.Authentication;
using Boards.Portal.Naming;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;

namespace Boards.Portal.Tests;

/// <summary>
/// The names the portal shows instead of codes: read from the gateway, kept a few minutes (shared lists for everyone,
/// Needs' lists per person), and the code itself whenever a name is not known or the service does not answer.
/// </summary>
public sealed class NameBookTests
{
    private const string Institutions = """[{"code":"mds","name":"Ministerio de Desarrollo Social"},{"code":"mspbs","name":"Ministerio de Salud Pública y Bienestar Social"}]""";
    private const string Municipalities = """[{"code":"alto-vera","name":"Alto Verá","department":"Itapúa"}]""";
    private const string Categories = """[{"code":"health","name":"Salud"}]""";
    private const string AltoVeraOffer = """[{"code":"atencion-primaria","name":"Unidad de Salud de la Familia","institutionCode":"mspbs","capacityStatus":"available"}]""";

    private readonly Gateway _gateway = new();
    private readonly MemoryCache _cache = new(new MemoryCacheOptions());

    public NameBookTests()
    {
        _gateway.Answer("api/institutions", HttpStatusCode.OK, Institutions);
        _gateway.Answer("api/municipalities", HttpStatusCode.OK, Municipalities);
        _gateway.Answer("api/needs/categories", HttpStatusCode.OK, Categories);
        _gateway.Answer("api/offer/alto-vera/services", HttpStatusCode.OK, AltoVeraOffer);
    }

    private NameBook Book(string user = "focal.alto-vera")
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(PortalClaims.UserName, user)], "test"));
        var api = new BoardsApi(new HttpClient(_gateway) { BaseAddress = new Uri("http://gateway.test/") }, NullLogger<BoardsApi>.Instance);
        var options = new PortalOptions
        {
            Authority = "http://identity.test/realms/boards",
            RequireHttpsMetadata = false,
            ClientId = "boards-portal",
            GatewayUrl = new Uri("http://gateway.test/"),
            ApiTimeout = TimeSpan.FromSeconds(5),
            NameCacheTime = TimeSpan.FromMinutes(5),
            TimeZone = TimeZoneInfo.Utc,
        };
        return new NameBook(api, _cache, new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = principal } }, options);
    }

    private static Task LoadAllAsync(NameBook names) =>
        names.LoadAsync(NameLists.Institutions | NameLists.Municipalities | NameLists.Categories, ["Alto-Vera "]);

    [Fact]
    public async Task Codes_read_as_names_and_an_unknown_code_reads_as_itself()
    {
        var names = Book();
        await LoadAllAsync(names);

        Assert.Equal("Ministerio de Desarrollo Social", names.Institution("mds"));
        Assert.Equal("Alto Verá", names.Municipality("alto-vera"));
        Assert.Equal("Itapúa", Assert.Single(names.Municipalities.Items).Group);
        Assert.Equal("Salud", names.Category("health"));
        Assert.Equal("Unidad de Salud de la Familia", names.Service("alto-vera", "atencion-primaria"));
        Assert.Equal("gobernacion", names.Institution("gobernacion"));
        Assert.Equal("tekopora", names.Service("alto-vera", "tekopora"));
        // The same code in a catalog that was not read is not guessed from another municipality's.
        Assert.Equal("atencion-primaria", names.Service("pilar", "atencion-primaria"));
        Assert.Equal("", names.Municipality(null));
    }

    [Fact]
    public async Task Lists_are_read_once_per_request_and_kept_for_the_next_requests()
    {
        var first = Book();
        await LoadAllAsync(first);
        await LoadAllAsync(first);
        await LoadAllAsync(Book());

        Assert.Equal(1, _gateway.Calls("api/institutions"));
        Assert.Equal(1, _gateway.Calls("api/municipalities"));
        Assert.Equal(1, _gateway.Calls("api/needs/categories"));
        Assert.Equal(1, _gateway.Calls("api/offer/alto-vera/services"));
    }

    [Fact]
    public async Task Institutions_and_municipalities_are_shared_but_needs_lists_are_read_for_each_person()
    {
        await LoadAllAsync(Book("focal.alto-vera"));
        var analyst = Book("analyst");
        await LoadAllAsync(analyst);

        Assert.Equal(1, _gateway.Calls("api/institutions"));
        Assert.Equal(1, _gateway.Calls("api/municipalities"));
        Assert.Equal(2, _gateway.Calls("api/needs/categories"));
        Assert.Equal(2, _gateway.Calls("api/offer/alto-vera/services"));
        Assert.Equal("Unidad de Salud de la Familia", analyst.Service("alto-vera", "atencion-primaria"));
    }

    [Fact]
    public async Task A_catalog_the_person_may_not_read_leaves_the_code_and_is_not_asked_again()
    {
        _gateway.Answer("api/offer/pilar/services", HttpStatusCode.Forbidden, """{"title":"Prohibido"}""");
        var names = Book();
        await names.LoadAsync(NameLists.None, ["pilar"]);
        await Book().LoadAsync(NameLists.None, ["pilar"]);

        Assert.Equal("atencion-primaria", names.Service("pilar", "atencion-primaria"));
        Assert.Equal(1, _gateway.Calls("api/offer/pilar/services"));
    }

    [Fact]
    public async Task A_service_that_is_down_leaves_the_codes_and_is_asked_again_on_the_next_request()
    {
        _gateway.Answer("api/institutions", HttpStatusCode.ServiceUnavailable, "");
        _gateway.Answer("api/offer/alto-vera/services", HttpStatusCode.BadGateway, "");
        var down = Book();
        await LoadAllAsync(down);

        Assert.Equal("mspbs", down.Institution("mspbs"));
        Assert.False(down.Institutions.IsKnown);
        Assert.Equal("atencion-primaria", down.Service("alto-vera", "atencion-primaria"));
        Assert.Equal("Alto Verá", down.Municipality("alto-vera"));
        Assert.False(down.SessionExpired);

        _gateway.Answer("api/institutions", HttpStatusCode.OK, Institutions);
        _gateway.Answer("api/offer/alto-vera/services", HttpStatusCode.OK, AltoVeraOffer);
        var back = Book();
        await LoadAllAsync(back);

        Assert.Equal("Ministerio de Salud Pública y Bienestar Social", back.Institution("mspbs"));
        Assert.Equal("Unidad de Salud de la Familia", back.Service("alto-vera", "atencion-primaria"));
    }

    [Fact]
    public async Task A_shared_list_refused_to_one_person_is_not_kept_for_everyone()
    {
        _gateway.Answer("api/municipalities", HttpStatusCode.Forbidden, "");
        await Book("someone").LoadAsync(NameLists.Municipalities);
        _gateway.Answer("api/municipalities", HttpStatusCode.OK, Municipalities);
        var next = Book("analyst");
        await next.LoadAsync(NameLists.Municipalities);

        Assert.Equal("Alto Verá", next.Municipality("alto-vera"));
    }

    [Fact]
    public async Task A_refused_session_is_reported_to_the_page()
    {
        _gateway.Answer("api/municipalities", HttpStatusCode.Unauthorized, "");
        var names = Book();
        await names.LoadAsync(NameLists.Municipalities);

        Assert.True(names.SessionExpired);
        Assert.Equal("alto-vera", names.Municipality("alto-vera"));
    }

    [Fact]
    public async Task A_changed_offer_is_read_again_for_the_person_who_changed_it()
    {
        var names = Book();
        await names.LoadAsync(NameLists.None, ["alto-vera"]);
        _gateway.Answer("api/offer/alto-vera/services", HttpStatusCode.OK,
            """[{"code":"atencion-primaria","name":"USF Alto Verá","institutionCode":"mspbs","capacityStatus":"available"}]""");
        names.ForgetServices("alto-vera");
        var next = Book();
        await next.LoadAsync(NameLists.None, ["alto-vera"]);

        Assert.Equal("USF Alto Verá", next.Service("alto-vera", "atencion-primaria"));
        Assert.Equal(2, _gateway.Calls("api/offer/alto-vera/services"));
    }

    /// <summary>The gateway's answers by path, and how often each path was asked.</summary>
    private sealed class Gateway : HttpMessageHandler
    {
        private readonly Dictionary<string, (HttpStatusCode Status, string Body)> _answers = [];
        private readonly Dictionary<string, int> _calls = [];

        public void Answer(string path, HttpStatusCode status, string body) => _answers[path] = (status, body);

        public int Calls(string path) => _calls.GetValueOrDefault(path);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath.TrimStart('/');
            lock (_calls)
            {
                _calls[path] = Calls(path) + 1;
            }

            var (status, body) = _answers.TryGetValue(path, out var answer) ? answer : (HttpStatusCode.NotFound, "");
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
