using Renkei.Web.Features.Councils;

namespace Renkei.Web.Features.Areas;

/// <summary>A version's document: checked like a council attachment (<see cref="CheckedUpload"/>), described on the version.</summary>
public static class AreaDocument
{
    /// <summary>Puts the document on the version (name, type, size, hash); the bytes go to <see cref="AreaDocumentContent"/>.</summary>
    public static void DescribeOn(this CheckedUpload document, AreaRuleVersion version)
    {
        version.FileName = document.FileName;
        version.ContentType = document.ContentType;
        version.FileSize = document.Bytes.LongLength;
        version.Sha256 = document.Sha256;
    }
}
