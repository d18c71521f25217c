namespace Renkei.Web.Features.Admin;

/// <summary>
/// A password the app just generated. It lives only in the response that shows it: never stored
/// in plain text, never put in TempData or a redirect, so it can be read exactly once.
/// </summary>
public sealed record IssuedPassword(string AccountId, string UserName, string Password, string Heading);
