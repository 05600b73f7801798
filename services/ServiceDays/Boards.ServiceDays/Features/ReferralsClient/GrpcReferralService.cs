using Boards.Referrals.Contracts.Calls;
using Grpc.Core;
using Grpc.Net.ClientFactory;
using Microsoft.Extensions.Options;
using Proto = Boards.Referrals.Contracts.Grpc;

namespace Boards.ServiceDays.Features.ReferralsClient;

/// <summary>
/// Referrals' ReferralService over gRPC (Referrals as its own service): the caller's own bearer token, the caller's
/// deadline, one attempt. In one process with Referrals, Referrals' in-process adapter replaces this one.
/// </summary>
public sealed class GrpcReferralService(GrpcClientFactory clients, IOptions<ReferralsClientOptions> options, IHttpContextAccessor http) : IReferralService
{
    public const string ClientName = "referrals";

    /// <summary>False without ServiceDays:Referrals:Address: there is nobody to send to.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Address);

    public async Task<Proto.Referral> CreateReferralAsync(Proto.CreateReferralRequest request, DateTime deadline, CancellationToken cancellationToken)
    {
        var headers = new Metadata();
        if (http.HttpContext?.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization)
        {
            headers.Add("authorization", authorization);
        }

        var client = clients.CreateClient<Proto.ReferralService.ReferralServiceClient>(ClientName);
        return await client.CreateReferralAsync(request, headers, deadline, cancellationToken);
    }
}
