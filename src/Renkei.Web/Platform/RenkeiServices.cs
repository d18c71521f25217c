using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Renkei.Web.Features.Accounts;
using Renkei.Web.Features.Demo;
using Renkei.Web.Features.Regions;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Tenancy;
using Renkei.Web.Platform.Web;

namespace Renkei.Web.Platform;

/// <summary>Service registration for the whole app, in one place.</summary>
public static class RenkeiServices
{
    public static void AddRenkei(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddRenkeiDatabase(config);

        // Per request: who acts and what they may touch. Without an HTTP request (start-up, CLI) the app acts as itself.
        services.AddScoped(sp => Caller.FromHttp(sp.GetRequiredService<IHttpContextAccessor>()));

        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<RenkeiDb>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<RenkeiClaimsFactory>()
            .AddErrorDescriber<JapaneseIdentityErrors>();

        // Secure-only cookies need HTTPS: on by default, off for local development over plain HTTP.
        var secureCookies = config.GetValue("Security:SecureCookies", !builder.Environment.IsDevelopment());
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.Cookie.Name = "renkei.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // API callers get 401 rather than a redirect to the sign-in page. A refusal is a real 403
            // everywhere; for pages the status-code page explains it in Japanese.
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));

        // Keys in the database: every app instance can read every other's cookies and forms. With a certificate the keys
        // are stored encrypted by it, so that a copy of the database (a backup) cannot forge sign-in cookies.
        var keys = services.AddDataProtection().SetApplicationName("Renkei").PersistKeysToDbContext<RenkeiDb>();
        if (KeyCertificate.Load(config) is { } certificate) keys.ProtectKeysWithCertificate(certificate);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "renkei.af";
            o.Cookie.SecurePolicy = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });

        // Emit Japanese as characters, not &#x…; entities: half the page size and readable source.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRouting(o => o.LowercaseUrls = true);
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/");
            foreach (var page in PublicPages) o.Conventions.AllowAnonymousToPage(page);
            o.Conventions.AllowAnonymousToFolder("/Regions");
            o.Conventions.AllowAnonymousToFolder("/Items");
            o.Conventions.AllowAnonymousToFolder("/Public");
            // Providers answer surveys through a private link, without an account.
            o.Conventions.AllowAnonymousToFolder("/Surveys/Answer");
        }).AddMvcOptions(o =>
        {
            o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            o.Filters.Add<FormOnceFilter>();
            JapaneseBindingMessages.Apply(o.ModelBindingMessageProvider);
        });
        services.AddHealthChecks().AddDbContextCheck<RenkeiDb>("database");
        services.AddScoped<ReferenceDataLoader>();
        services.AddScoped<RegionQueries>();
        services.AddScoped<Features.Directory.ProviderSearch>();
        services.AddScoped<Features.Directory.Export.DirectoryEntries>();
        services.AddScoped<Features.Directory.Export.HsdsExport>();
        services.AddScoped<Features.Directory.Import.DirectoryImporter>();
        services.AddScoped<Features.Directory.Import.SourceMatcher>();
        services.AddScoped<Features.Directory.Import.DirectoryImportService>();
        services.AddScoped<Features.Indicators.IndicatorCatalogLoader>();
        services.AddScoped<Features.Indicators.IndicatorResults>();
        services.AddScoped<Features.Indicators.ValueStore>();
        services.AddScoped<Features.Indicators.ValueImport>();
        services.AddScoped<Features.Pdca.Report.AnnualReport>();
        services.AddScoped<DemoSeeder>();
    }

    private static readonly string[] PublicPages =
        ["/Home/Index", "/Home/About", "/Home/Error", "/Accounts/Login", "/Accounts/LoginWith2fa"];

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)) ctx.Response.StatusCode = status;
        else ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
