namespace Renkei.Web.Platform.Tenancy;

/// <summary>A write outside the principal's tenant scope. Mapped to 403 by <see cref="Web.TenantAccessDeniedFilter"/>.</summary>
public sealed class TenantAccessDeniedException(string message) : Exception(message);
