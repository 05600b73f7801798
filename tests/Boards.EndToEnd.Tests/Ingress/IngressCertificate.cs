using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Boards.EndToEnd.Tests.Ingress;

/// <summary>
/// The ingress's TLS certificate, made at start (no openssl): self-signed for localhost and 127.0.0.1, written as PEM for
/// nginx. Clients trust exactly this certificate: .NET with it as the only root (<see cref="TrustingHandler"/>), Chromium
/// by its public key's hash (<see cref="SpkiHash"/>). Validation stays on: the name, the dates and the signature are
/// checked as for a real certificate.
/// </summary>
public sealed class IngressCertificate : IDisposable
{
    private IngressCertificate(X509Certificate2 certificate, string certificatePath, string keyPath)
    {
        Certificate = certificate;
        CertificatePath = certificatePath;
        KeyPath = keyPath;
    }

    public X509Certificate2 Certificate { get; }
    public string CertificatePath { get; }
    public string KeyPath { get; }

    /// <summary>Base64 SHA-256 of the SubjectPublicKeyInfo, as Chromium's --ignore-certificate-errors-spki-list takes it.</summary>
    public string SpkiHash => Convert.ToBase64String(SHA256.HashData(Certificate.PublicKey.ExportSubjectPublicKeyInfo()));

    public static IngressCertificate Create(string folder)
    {
        Directory.CreateDirectory(folder);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost, O=Boards ingress test", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false)); // serverAuth
        var now = DateTimeOffset.UtcNow;
        using var made = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(7));

        var certificatePath = Path.Combine(folder, "ingress.crt");
        var keyPath = Path.Combine(folder, "ingress.key");
        File.WriteAllText(certificatePath, made.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return new IngressCertificate(X509CertificateLoader.LoadCertificate(made.RawData), certificatePath, keyPath);
    }

    /// <summary>An HTTP handler that trusts this certificate as its only root, for HttpClient and GrpcChannel.</summary>
    public SocketsHttpHandler TrustingHandler()
    {
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
        };
        policy.CustomTrustStore.Add(Certificate);
        return new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions { CertificateChainPolicy = policy },
            AllowAutoRedirect = false,
        };
    }

    public void Dispose() => Certificate.Dispose();
}
