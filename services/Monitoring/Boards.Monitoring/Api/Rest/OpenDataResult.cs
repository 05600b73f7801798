using System.Globalization;
using System.Security.Cryptography;
using Boards.Monitoring.Features.OpenData;
using Microsoft.Net.Http.Headers;

namespace Boards.Monitoring.Api.Rest;

/// <summary>
/// An open data file with its validators: a strong ETag (the SHA-256 of the bytes, so equal bytes give equal tags on
/// every replica), Cache-Control public with a max-age, the licence as a Link header, and CORS open to any site. A
/// request whose If-None-Match names the current tag gets 304 with no body: a crawler that comes back costs one query
/// and no transfer, and within max-age a cache need not ask at all.
/// </summary>
public sealed class OpenDataResult(byte[] body, string contentType, int maxAgeSeconds, string? fileName = null) : IResult
{
    public string ETag { get; } = Tag(body);

    public async Task ExecuteAsync(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.ETag = ETag;
        headers.CacheControl = $"public, max-age={maxAgeSeconds.ToString(CultureInfo.InvariantCulture)}";
        headers.Link = $"<{OpenDataVocabulary.LicenseUrl}>; rel=\"license\"";
        headers.AccessControlAllowOrigin = "*";
        headers.AccessControlExposeHeaders = "ETag, Link";
        headers.XContentTypeOptions = "nosniff";
        if (Matches(http.Request.Headers.IfNoneMatch, ETag))
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = contentType;
        http.Response.ContentLength = body.Length;
        if (fileName is not null)
        {
            headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileName = fileName }.ToString();
        }

        if (!HttpMethods.IsHead(http.Request.Method))
        {
            await http.Response.Body.WriteAsync(body, http.RequestAborted);
        }
    }

    public static string Tag(byte[] body) => $"\"{Convert.ToBase64String(SHA256.HashData(body)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}\"";

    /// <summary>If-None-Match: "*", or a list of tags compared weakly (RFC 9110 §13.1.2: W/"x" matches "x").</summary>
    public static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag)
    {
        if (!EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
        {
            return false;
        }

        var current = EntityTagHeaderValue.Parse(etag);
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }
}
