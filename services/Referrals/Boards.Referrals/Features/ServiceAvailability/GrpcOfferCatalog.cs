using Boards.Needs.Contracts.Calls;
using Boards.Needs.Contracts.Grpc;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Boards.Referrals.Features.ServiceAvailability;

/// <summary>
/// Needs' offer catalog over gRPC (Needs as its own service, through <see cref="NeedsCatalogChannel"/>): the caller's
/// own bearer token, the caller's deadline, one attempt. In one process with Needs, Needs' in-process adapter replaces this one.
/// </summary>
public sealed class GrpcOfferCatalog(NeedsCatalogChannel channel, IOptions<NeedsOptions> options, IHttpContextAccessor http) : IOfferCatalog
{
    public const string ClientName = "needs-offer-catalog";

    /// <summary>False without Referrals:Needs:Address: there is nobody to ask.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Address) && channel.Client is not null;

    /// <summary>True while a needs replica is connected (an answer of a moment ago still stands).</summary>
    public bool IsConnected => channel.IsConnected;

    public async Task<Availability> CheckAvailabilityAsync(CheckAvailabilityRequest request, DateTime deadline, CancellationToken cancellationToken)
    {
        var client = channel.Client ?? throw new RpcException(new Status(StatusCode.Unavailable, "Referrals:Needs:Address is not configured."));
        var headers = new Metadata();
        if (http.HttpContext?.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization)
        {
            headers.Add("authorization", authorization);
        }

        return await client.CheckAvailabilityAsync(request, headers, deadline, cancellationToken);
    }
}
