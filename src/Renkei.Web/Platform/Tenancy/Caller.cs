using Renkei.Web.Platform.Auditing;

namespace Renkei.Web.Platform.Tenancy;

/// <summary>
/// Who is calling: their tenant scope and their audit identity. Read at the moment of use, not
/// when the database context is created, because Identity creates the context while it is still
/// authenticating the request (security-stamp validation), before the user is known.
/// </summary>
public sealed class Caller
{
    private readonly IHttpContextAccessor? _http;
    private readonly TenantScope? _fixedScope;
    private readonly AuditActor? _fixedActor;
    private (System.Security.Claims.ClaimsPrincipal User, TenantScope Scope)? _cached;

    private Caller(IHttpContextAccessor? http, TenantScope? scope, AuditActor? actor)
    {
        _http = http;
        _fixedScope = scope;
        _fixedActor = actor;
    }

    /// <summary>The application itself (start-up, CLI, design time).</summary>
    public static Caller System => new(null, TenantScope.System, AuditActor.System);

    public static Caller Fixed(TenantScope scope, AuditActor actor) => new(null, scope, actor);

    public static Caller FromHttp(IHttpContextAccessor http) => new(http, null, null);

    public TenantScope Scope
    {
        get
        {
            if (_fixedScope is not null) return _fixedScope;
            if (_http?.HttpContext is not { } context) return TenantScope.System;
            if (_cached is { } c && ReferenceEquals(c.User, context.User)) return c.Scope;
            var scope = TenantScope.FromPrincipal(context.User);
            _cached = (context.User, scope);
            return scope;
        }
    }

    public AuditActor Actor => _fixedActor ?? (_http?.HttpContext is { } context ? AuditActor.FromHttp(context) : AuditActor.System);
}
