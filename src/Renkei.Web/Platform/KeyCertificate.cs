using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Renkei.Web.Platform;

/// <summary>
/// The certificate that encrypts the data-protection keys stored in the database (`Security:KeyCertificate`, a PKCS#12
/// file with its private key, and `Security:KeyCertificatePassword`). Without it the keys are stored as they are, and
/// ASP.NET Core says so at start. A setting that names a file which cannot be read stops the start: keys written
/// unencrypted by a server that was meant to encrypt them would stay so.
/// </summary>
public static class KeyCertificate
{
    public const string FileKey = "Security:KeyCertificate";
    public const string PasswordKey = "Security:KeyCertificatePassword";

    public static X509Certificate2? Load(IConfiguration config)
    {
        if (config[FileKey] is not { Length: > 0 } path) return null;
        if (!File.Exists(path)) throw new StartupException($"{FileKey} の証明書ファイル「{path}」がありません。パスを確認してください。");
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, config[PasswordKey]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new StartupException($"{FileKey} の証明書ファイル「{path}」を読み込めません（{e.Message}）。パスと {PasswordKey} を確認してください。", e);
        }
        if (!certificate.HasPrivateKey)
            throw new StartupException($"{FileKey} の証明書「{path}」に秘密鍵がありません。鍵の暗号化と復号には秘密鍵を含む PKCS#12（.pfx）ファイルが必要です。");
        return certificate;
    }
}
