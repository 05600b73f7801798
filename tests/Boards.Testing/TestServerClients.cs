using System.Net.Http.Headers;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Boards.Testing;

/// <summary>HTTP and gRPC clients over a service hosted in-process by a <see cref="WebApplicationFactory{TEntryPoint}"/>.</summary>
public static class TestServerClients
{
    /// <summary>An HTTP client over the test server, with the bearer token when given.</summary>
    public static HttpClient CreateClientWithToken<TEntryPoint>(this WebApplicationFactory<TEntryPoint> factory, string? bearerToken)
        where TEntryPoint : class
    {
        var client = factory.CreateClient();
        if (bearerToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        return client;
    }

    /// <summary>A gRPC channel over the test server (HTTP/2 semantics, in memory).</summary>
    public static GrpcChannel CreateGrpcChannel<TEntryPoint>(this WebApplicationFactory<TEntryPoint> factory) where TEntryPoint : class =>
        GrpcChannel.ForAddress(factory.Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = new ResponseVersionHandler { InnerHandler = factory.Server.CreateHandler() },
        });

    /// <summary>TestServer answers HTTP/1.1; the gRPC client insists on the request's HTTP/2.</summary>
    private sealed class ResponseVersionHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            response.Version = request.Version;
            return response;
        }
    }
}
