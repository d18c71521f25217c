using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Renkei.Tests.Support;
using Renkei.Web.Platform;

namespace Renkei.Tests.Platform;

/// <summary>Data-protection keys stored in the database, encrypted by the configured certificate.</summary>
public sealed class KeyCertificateTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("renkei-keycert-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private string CertificateFile(string password, bool withPrivateKey = true)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Renkei data protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddDays(-1), TimeProvider.System.GetUtcNow().AddYears(1));
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".pfx");
        // Without the private key: a PKCS#12 file holding the public certificate alone (as exported by mistake).
        using var publicOnly = X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert));
        File.WriteAllBytes(path, withPrivateKey ? certificate.Export(X509ContentType.Pkcs12, password) : new X509Certificate2Collection(publicOnly).Export(X509ContentType.Pkcs12, password)!);
        return path;
    }

    [Fact]
    public async Task With_a_certificate_the_stored_keys_are_encrypted_and_sign_in_works()
    {
        using var database = new TestDatabase();
        await using var factory = new RenkeiFactory(database, extra: new()
        {
            [KeyCertificate.FileKey] = CertificateFile("pass-1"), [KeyCertificate.PasswordKey] = "pass-1",
        });
        await TestWorld.SeedAsync(factory);
        using var staff = await WebSession.SignInAsync(factory, "tottori-staff");
        Assert.Contains("鳥取市", await staff.GetPageAsync($"/municipalities/{TestWorld.Tottori}"), StringComparison.Ordinal);

        var (scope, db) = factory.SystemDb();
        await using (scope)
        {
            var keys = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync();
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            });
        }
    }

    [Fact]
    public void A_certificate_that_cannot_be_used_stops_the_start_with_a_message_in_Japanese()
    {
        static IConfiguration Config(string? file, string? password) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [KeyCertificate.FileKey] = file, [KeyCertificate.PasswordKey] = password,
        }).Build();
        Assert.Null(KeyCertificate.Load(Config(null, null)));
        Assert.Contains("がありません", Assert.Throws<StartupException>(() => KeyCertificate.Load(Config(Path.Combine(_dir, "none.pfx"), null))).Message, StringComparison.Ordinal);
        Assert.Contains("を読み込めません", Assert.Throws<StartupException>(() => KeyCertificate.Load(Config(CertificateFile("right"), "wrong"))).Message, StringComparison.Ordinal);
        Assert.Contains("秘密鍵がありません", Assert.Throws<StartupException>(() => KeyCertificate.Load(Config(CertificateFile("", withPrivateKey: false), null))).Message, StringComparison.Ordinal);
        Assert.NotNull(KeyCertificate.Load(Config(CertificateFile("right"), "right")));
    }
}
