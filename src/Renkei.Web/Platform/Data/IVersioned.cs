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
/// Data that belongs to a prefecture as a whole (progress survey rounds, secondary-area workspaces):
/// read by the organisations of that prefecture, written by its prefecture office and health centres.
/// </summary>
public interface IPrefectureOwned
{
    string PrefectureCode { get; }
}

/// <summary>
/// A municipality's record (also <see cref="ITenantOwned"/>) that its prefecture may write on the
/// municipality's behalf — a progress-survey answer entered by prefecture staff, a rule adoption.
/// The guard allows it when the caller writes the prefecture and reads the municipality.
/// </summary>
public interface IPrefectureProxy : ITenantOwned;

/// <summary>
/// A record the audit files under a municipality although the tenant write guard does not cover it: someone outside
/// every scope writes it, authorised by a private link (a provider answering a survey), or the page checks the right
/// to write it (a directory provider and its contact persons, which the provider's municipality's log must show).
/// Null when the record has no municipality.
/// </summary>
public interface IAuditedInMunicipality
{
    string? MunicipalityCode { get; }
}

/// <summary>
/// A record that belongs to another and whose changes are part of that one's history: a provider's contact persons,
/// functions and identifiers are shown in the provider's change history. The audit entry names the parent
/// (<see cref="Features.Audit.AuditEntry.ParentType"/>, <see cref="Features.Audit.AuditEntry.ParentKey"/>), read after
/// the save, when a new record's parent key is set.
/// </summary>
public interface IAuditedUnder
{
    (string Type, string Key) AuditParent { get; }
}
