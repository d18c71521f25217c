namespace Renkei.Web.Platform;

/// <summary>
/// Something the operator must fix before Renkei can start or run a command: a setting (a certificate that cannot be
/// read, a missing connection string), a database that needs `migrate`, a malformed shipped file. Its message is in
/// Japanese and names the setting or file; the process prints it alone and stops with exit code 1, since a stack
/// trace would only bury it.
/// </summary>
public class StartupException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The problem behind <paramref name="e"/>, which the host may have wrapped (e.g. while building services).</summary>
    public static StartupException? Within(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is StartupException problem) return problem;
        return null;
    }
}
