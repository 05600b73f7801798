using System.Text;

namespace Boards.EndToEnd.Tests.Ingress;

/// <summary>
/// What stands behind the ingress: each upstream is a list of loopback ports, one per replica (the portal's, the
/// gateway's REST and the gateway's gRPC port). nginx takes turns among them: round robin per request, and so per call
/// for gRPC.
/// </summary>
public sealed record IngressUpstreams(IReadOnlyList<int> Portals, IReadOnlyList<int> Gateways, IReadOnlyList<int> GatewayGrpc);

/// <summary>
/// The ingress's nginx.conf, with the settings production's ingress-nginx carries (deploy/k8s/base/ingress.yaml):
/// TLS ends at nginx and every upstream speaks plain HTTP; the client's address and scheme go on in X-Forwarded-For and
/// X-Forwarded-Proto (the services believe them from loopback), and the Host as the browser sent it, port included,
/// so that the portal's OIDC redirect URI is the ingress's own; the portal's live stream is not buffered and may stay
/// open for an hour; gRPC goes on as cleartext HTTP/2 (h2c) to the gateway's gRPC port, with hour-long timeouts for
/// WatchReferrals. Everything nginx writes stays in its prefix folder.
/// </summary>
public static class NginxConfig
{
    public const string AccessLogFormat = "port=$server_port status=$status upstream=$upstream_addr upstream_status=$upstream_status request=\"$request\"";

    public static string Render(string prefix, IngressUpstreams upstreams, IngressCertificate certificate, bool runningAsRoot)
    {
        var conf = new StringBuilder();
        // As root, nginx's workers drop to an unprivileged user (Debian has no group "nobody", nginx's default).
        if (runningAsRoot)
        {
            conf.AppendLine("user nobody nogroup;");
        }

        conf.AppendLine($$"""
            daemon off;
            worker_processes 1;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/logs/error.log notice;

            events {
                worker_connections 512;
            }

            http {
                log_format upstreams '{{AccessLogFormat}}';
                access_log {{prefix}}/logs/access.log upstreams;
                client_body_temp_path {{prefix}}/temp/body;
                proxy_temp_path {{prefix}}/temp/proxy;
                fastcgi_temp_path {{prefix}}/temp/fastcgi;
                uwsgi_temp_path {{prefix}}/temp/uwsgi;
                scgi_temp_path {{prefix}}/temp/scgi;
                server_tokens off;

                ssl_certificate {{certificate.CertificatePath}};
                ssl_certificate_key {{certificate.KeyPath}};
                ssl_protocols TLSv1.2 TLSv1.3;

            {{Upstream("portal", upstreams.Portals)}}
            {{Upstream("gateway_rest", upstreams.Gateways)}}
            {{Upstream("gateway_grpc", upstreams.GatewayGrpc)}}

                # The portal and the REST API, over TLS with HTTP/2 to the browser and HTTP/1.1 to the upstreams.
                server {
                    listen 127.0.0.1:{{NginxIngress.HttpsPort}} ssl http2;
                    server_name localhost;
                    # The services take bodies of up to 8 MiB (member imports); nginx's default is 1 MiB.
                    client_max_body_size 8m;

                    proxy_http_version 1.1;
                    proxy_set_header Connection "";
                    proxy_set_header Host $http_host;
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    proxy_set_header X-Forwarded-Proto $scheme;

                    location /api/ {
                        proxy_pass http://gateway_rest;
                    }

                    # Server-sent events: each one reaches the page at once, and a stream stays open while the page does
                    # (the portal sends a comment every 20 s).
                    location /vivo/ {
                        proxy_pass http://portal;
                        proxy_buffering off;
                        proxy_cache off;
                        proxy_read_timeout 1h;
                        proxy_send_timeout 1h;
                    }

                    location / {
                        proxy_pass http://portal;
                    }
                }

                # Integrators' gRPC over TLS (HTTP/2), passed on as h2c.
                server {
                    listen 127.0.0.1:{{NginxIngress.GrpcTlsPort}} ssl http2;
                    server_name localhost;
            {{GrpcLocation}}
                }

                # The same over cleartext HTTP/2 (h2c with prior knowledge), as a mesh or an internal caller would use it.
                server {
                    listen 127.0.0.1:{{NginxIngress.GrpcCleartextPort}} http2;
                    server_name localhost;
            {{GrpcLocation}}
                }
            }
            """);
        return conf.ToString();
    }

    private const string GrpcLocation = """
                    client_max_body_size 8m;
                    # WatchReferrals streams last as long as the caller's token (30 minutes).
                    grpc_read_timeout 1h;
                    grpc_send_timeout 1h;
                    grpc_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    grpc_set_header X-Forwarded-Proto $scheme;

                    location / {
                        grpc_pass grpc://gateway_grpc;
                    }
        """;

    private static string Upstream(string name, IReadOnlyList<int> ports)
    {
        if (ports.Count == 0)
        {
            throw new ArgumentException($"The upstream {name} needs at least one port.", nameof(ports));
        }

        var servers = string.Concat(ports.Select(port => $"        server 127.0.0.1:{port};\n"));
        return $"    upstream {name} {{\n{servers}        keepalive 16;\n    }}";
    }
}
