using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Web.Platform.Data;

namespace Renkei.Tests.Support;

/// <summary>
/// The real app (real database, real pipeline) in the test process. Pass a shared
/// <see cref="TestDatabase"/> to run two instances against one database.
/// </summary>
public class RenkeiFactory(TestDatabase database, bool demo = false, Dictionary<string, string>? extra = null) : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in Database.Settings) builder.UseSetting(key, value);
        builder.UseSetting("Demo:Enabled", demo ? "true" : "false");
        builder.UseSetting("Security:SecureCookies", "false");
        foreach (var (key, value) in extra ?? []) builder.UseSetting(key, value);
    }

    /// <summary>A database context acting as the application itself (no tenant restriction).</summary>
    public (AsyncServiceScope Scope, RenkeiDb Db) SystemDb()
    {
        var scope = Services.CreateAsyncScope();
        return (scope, scope.ServiceProvider.GetRequiredService<RenkeiDb>());
    }
}
