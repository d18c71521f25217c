namespace Renkei.Web.Platform.Data;

/// <summary>
/// An editable record with optimistic concurrency: <see cref="Version"/> is a concurrency token
/// that <see cref="VersioningInterceptor"/> increments on every update, so a save made from a
/// stale form fails instead of silently overwriting someone else's change.
/// </summary>
public interface IVersioned
{
    long Version { get; set; }
}

/// <summary>Program data that belongs to one municipality (the tenant).</summary>
public interface ITenantOwned
{
    string MunicipalityCode { get; }
}

/// <summary>
/// A record the audit files under a municipality although the tenant write guard does not cover it:
/// someone outside every scope writes it, authorised by a private link (a provider answering a survey).
/// </summary>
public interface IAuditedInMunicipality
{
    string MunicipalityCode { get; }
}
