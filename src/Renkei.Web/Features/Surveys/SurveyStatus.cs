namespace Renkei.Web.Features.Surveys;

/// <summary>Where one provider stands in a survey: computed, never stored, so it cannot drift.</summary>
public static class SurveyStatus
{
    public const string NotSent = "未送付";
    public const string Sent = "送付済み";
    public const string Answered = "回答あり";
    public const string Accepted = "取込済み";
    public const string Expired = "期限切れ";
    public const string Revoked = "リンク取消";

    public static string Of(SurveyRecipient r, DateOnly deadline, DateOnly todayJst)
    {
        // A newer answer than the last acceptance needs review again.
        if (r.AnsweredAtUtc is { } answered) return r.AcceptedAtUtc is { } accepted && accepted >= answered ? Accepted : Answered;
        if (r.TokenHash is null) return NotSent;
        if (r.RevokedAtUtc is not null) return Revoked;
        return todayJst > deadline ? Expired : Sent;
    }

    /// <summary>Bootstrap badge colour for a status.</summary>
    public static string Badge(string status) => status switch
    {
        Answered => "text-bg-primary",
        Accepted => "text-bg-success",
        Expired or Revoked => "text-bg-secondary",
        NotSent => "text-bg-light",
        _ => "text-bg-info",
    };
}
