using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Admin;

/// <summary>
/// Disabling an account is an Identity lockout that never ends: Identity then refuses every
/// sign-in (password and two-factor) without any check of our own and without a schema change.
/// A fixed far date rather than DateTimeOffset.MaxValue, which PostgreSQL would store as infinity
/// and Japan-time display (+9 h) would overflow.
/// </summary>
public static class AccountLock
{
    public static readonly DateTimeOffset DisabledUntil = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static bool IsDisabled(DateTimeOffset? end) => end >= DisabledUntil;

    public static bool IsLockedOut(DateTimeOffset? end, DateTimeOffset now) => end > now && !IsDisabled(end);

    /// <summary>The status cell of the account list and page.</summary>
    public static string Describe(DateTimeOffset? end, DateTimeOffset now) =>
        IsDisabled(end) ? "無効（サインイン不可）"
        : IsLockedOut(end, now) ? $"{JapanTime.Format(end!.Value.UtcDateTime)} までロック中"
        : "有効";
}
