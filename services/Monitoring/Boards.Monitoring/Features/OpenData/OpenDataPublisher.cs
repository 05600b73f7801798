using Boards.BuildingBlocks.Errors;
using Boards.Monitoring.Domain.OpenData;
using Boards.Monitoring.Features.GetPulse;
using Microsoft.Extensions.Options;

namespace Boards.Monitoring.Features.OpenData;

/// <summary>
/// The open data's use cases: the index (registry, months and the pulse's quarters), a month for every municipality or
/// for one, a quarter's pulse for every municipality or for one. Checks run before anything is read: the month's or
/// quarter's form and range (400), then the municipality in the public registry (404).
/// Only registered municipalities are published, and one without referrals gets zeros like any other: a code answers 404
/// exactly when the registry (/open/v1/municipios.json) does not list it.
/// </summary>
public sealed class OpenDataPublisher(
    OpenDataReader reader, PulseIndicesReader pulse, IOptions<OpenDataOptions> options, TimeProvider clock)
{
    private readonly DisclosureThreshold _threshold = new(options.Value.Threshold);

    public int Threshold => _threshold.Value;

    public OpenMonth CurrentMonth => OpenMonth.Current(clock.GetUtcNow());

    public OpenQuarter CurrentQuarter => OpenQuarter.Current(clock.GetUtcNow());

    public string Link(string path) => options.Value.PublicBaseUrl.TrimEnd('/') + "/open/" + OpenDataVocabulary.Version + "/" + path;

    public async Task<IndexDocument> IndexAsync(CancellationToken cancellationToken)
    {
        var registry = await reader.RegistryAsync(cancellationToken);
        var months = await MonthsAsync(cancellationToken);
        var quarters = await QuartersAsync(cancellationToken);
        return new IndexDocument(
            OpenDataVocabulary.Version,
            OpenDataVocabulary.LicenseUrl,
            Link("diccionario.json"),
            CurrentMonth.Label,
            months.Select(m => m.Label).ToList(),
            registry.Select(m => new OpenMunicipality(m.Code, m.Name, m.Department, m.DepartmentNumber)).ToList(),
            CurrentQuarter.Label,
            quarters.Select(q => q.Label).ToList());
    }

    /// <summary>Every quarter from the pulse's first (or this one) to this one, oldest first.</summary>
    public async Task<IReadOnlyList<OpenQuarter>> QuartersAsync(CancellationToken cancellationToken)
    {
        var current = CurrentQuarter;
        var first = OpenQuarter.FromCode(await reader.FirstPulseQuarterAsync(cancellationToken)) ?? current;
        if (first.CompareTo(OpenQuarter.First) < 0)
        {
            first = OpenQuarter.First;
        }

        return OpenQuarter.Range(first.CompareTo(current) > 0 ? current : first, current);
    }

    /// <summary>The quarter's pulse for every registered municipality, or for <paramref name="code"/> alone.</summary>
    public async Task<PulseQuarterDocument> PulseAsync(string quarterText, string? code, CancellationToken cancellationToken)
    {
        var quarter = ParseQuarter(quarterText);
        var municipalities = await RegisteredAsync(code, cancellationToken);
        var single = code is null ? null : municipalities[0].Code;
        var indices = (await pulse.ReadAsync(single, quarter.Code, cancellationToken)).ToDictionary(p => p.Code, StringComparer.Ordinal);
        return new PulseQuarterDocument(
            OpenDataVocabulary.Version,
            quarter.Label,
            quarter.Equals(CurrentQuarter),
            _threshold.Value,
            OpenDataVocabulary.LicenseUrl,
            Link("diccionario.json"),
            municipalities.Select(m => new MunicipalityPulse(
                    m.Code, m.Name, m.Department, PulseLines.Of(PublishedPulse.From(m.Code, indices.GetValueOrDefault(m.Code), _threshold))))
                .ToList());
    }

    /// <summary>Every month from the first with a referral or a service day (or this one) to this one, oldest first.</summary>
    public async Task<IReadOnlyList<OpenMonth>> MonthsAsync(CancellationToken cancellationToken)
    {
        var current = CurrentMonth;
        var first = await reader.FirstActivityAsync(cancellationToken) is { } at ? OpenMonth.Of(ParaguayCalendar.Today(at)) : current;
        if (first.CompareTo(OpenMonth.First) < 0)
        {
            first = OpenMonth.First;
        }

        return OpenMonth.Range(first.CompareTo(current) > 0 ? current : first, current);
    }

    /// <summary>The month's figures for every registered municipality, or for <paramref name="code"/> alone.</summary>
    public async Task<MonthDocument> MonthAsync(string monthText, string? code, CancellationToken cancellationToken)
    {
        var month = ParseMonth(monthText);
        var municipalities = await RegisteredAsync(code, cancellationToken);
        var figures = await reader.ReadAsync(municipalities.Select(m => m.Code).ToList(), month, cancellationToken);
        return new MonthDocument(
            OpenDataVocabulary.Version,
            month.Label,
            month.Equals(CurrentMonth),
            _threshold.Value,
            OpenDataVocabulary.LicenseUrl,
            Link("diccionario.json"),
            municipalities.Select(m => new MunicipalityFigures(
                    m.Code, m.Name, m.Department, FigureLines.Of(PublishedMonth.From(figures[m.Code], _threshold))))
                .ToList());
    }

    /// <summary>The registry, or the one registered municipality <paramref name="code"/> names (400 when too long, 404 when not registered).</summary>
    private async Task<IReadOnlyList<Municipality>> RegisteredAsync(string? code, CancellationToken cancellationToken)
    {
        var normalized = code is null ? null : MunicipalityCodes.Normalize(code);
        if (normalized is { Length: > MonitoringLimits.Code })
        {
            throw ValidationFailedException.For("municipio", OpenDataMessages.CodeTooLong);
        }

        var registry = await reader.RegistryAsync(cancellationToken);
        var municipalities = normalized is null ? registry : registry.Where(m => m.Code == normalized).ToList();
        if (municipalities.Count == 0 && normalized is not null)
        {
            throw new NotFoundException(OpenDataMessages.UnknownMunicipality) { Title = OpenDataMessages.NotFoundTitle };
        }

        return municipalities;
    }

    private OpenQuarter ParseQuarter(string text)
    {
        var quarter = OpenQuarter.Parse(text) ?? throw ValidationFailedException.For("trimestre", OpenDataMessages.QuarterMalformed);
        if (quarter.CompareTo(CurrentQuarter) > 0)
        {
            throw ValidationFailedException.For("trimestre", OpenDataMessages.QuarterInFuture(CurrentQuarter));
        }

        return quarter.CompareTo(OpenQuarter.First) < 0 ? throw ValidationFailedException.For("trimestre", OpenDataMessages.QuarterTooEarly) : quarter;
    }

    private OpenMonth ParseMonth(string text)
    {
        var month = OpenMonth.Parse(text) ?? throw ValidationFailedException.For("mes", OpenDataMessages.MonthMalformed);
        if (month.CompareTo(CurrentMonth) > 0)
        {
            throw ValidationFailedException.For("mes", OpenDataMessages.MonthInFuture(CurrentMonth));
        }

        return month.CompareTo(OpenMonth.First) < 0 ? throw ValidationFailedException.For("mes", OpenDataMessages.MonthTooEarly) : month;
    }
}
