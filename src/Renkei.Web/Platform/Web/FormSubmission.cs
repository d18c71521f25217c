namespace Renkei.Web.Platform.Web;

/// <summary>
/// A one-time token embedded in every form. Storing it on first use turns a second post of the
/// same form (double click, back-and-resubmit) into a harmless message instead of a duplicate.
/// Kept in the database so it holds across app instances.
/// </summary>
public class FormSubmission
{
    public required string Token { get; set; }
    public DateTime AtUtc { get; set; }
}
