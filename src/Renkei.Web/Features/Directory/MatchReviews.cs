using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Directory.Import;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Directory;

/// <summary>
/// The review queue of pairs the importer could not decide (<see cref="UncertainMatch"/>): filled by an
/// import, worked through on /directory/matches, where staff merge a pair into one provider or keep it apart.
/// </summary>
public static class MatchReviews
{
    /// <summary>Queues the plan's uncertain pairs; <paramref name="created"/> are the plan's new rows, in order, with their ids.</summary>
    public static async Task AddAsync(RenkeiDb db, ImportPlan plan, IReadOnlyList<Provider> created, int runId, DateTime now, CancellationToken ct)
    {
        if (plan.Uncertain.Count == 0) return;
        var idOf = new Dictionary<ImportedProvider, Provider>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < plan.New.Count; i++) idOf[plan.New[i]] = created[i];
        foreach (var u in plan.Uncertain)
        {
            if (!idOf.TryGetValue(u.Row, out var p)) continue; // the row was attached to a provider after all
            db.MatchReviews.Add(new MatchReview
            {
                ProviderId = p.Id, CandidateId = u.CandidateId, ProviderLabel = $"{p.Name}（{p.Address}）", CandidateLabel = u.CandidateLabel,
                Reason = u.Reason, Source = plan.File.Source, ImportRunId = runId, CreatedAtUtc = now,
            });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Merges the review's new provider into the existing one: identifiers, functions of other sources,
    /// contact persons and survey recipients move over; fields the existing provider lacks are filled with
    /// their provenance; the new provider is deleted. Other open pairs involving it are closed.
    /// </summary>
    /// <returns>null when done, or a Japanese reason why the pair cannot be merged.</returns>
    public static async Task<string?> MergeAsync(RenkeiDb db, MatchReview review, string? user, DateTime now, CancellationToken ct)
    {
        var ids = new[] { review.ProviderId, review.CandidateId };
        var both = await db.Providers.Include(p => p.Identifiers).Include(p => p.Functions).Include(p => p.Contacts)
            .Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        var duplicate = both.SingleOrDefault(p => p.Id == review.ProviderId);
        var target = both.SingleOrDefault(p => p.Id == review.CandidateId);
        if (duplicate is null || target is null) return "一方の事業所がすでに削除または統合されています。";
        if (target.Identifiers.Any(t => duplicate.Identifiers.Any(d => d.Scheme == t.Scheme)))
            return "両方に同じ種類の識別番号（出典）があるため、統合できません。別の事業所として残してください。";

        var recipients = await db.SurveyRecipients.Where(r => r.ProviderId == duplicate.Id).ToListAsync(ct);
        var targetSurveys = await db.SurveyRecipients.Where(r => r.ProviderId == target.Id).Select(r => r.SurveyId).ToListAsync(ct);
        if (recipients.Any(r => targetSurveys.Contains(r.SurveyId)))
            return "両方の事業所が同じ調査の対象になっています。どちらかを調査対象から外してから統合してください。";

        foreach (var identifier in duplicate.Identifiers.ToList()) identifier.ProviderId = target.Id;
        foreach (var function in duplicate.Functions.Where(f => !target.Functions.Any(t => t.Code == f.Code && t.Source == f.Source)).ToList())
            function.ProviderId = target.Id;
        var nextOrder = target.Contacts.Count == 0 ? 0 : target.Contacts.Max(c => c.SortOrder) + 1;
        foreach (var contact in duplicate.Contacts.ToList()) (contact.ProviderId, contact.SortOrder) = (target.Id, nextOrder++);
        foreach (var r in recipients) r.ProviderId = target.Id;
        foreach (var a in await db.SurveyAnswers.Where(a => a.ProviderId == duplicate.Id).ToListAsync(ct)) a.ProviderId = target.Id;
        FillGaps(target, duplicate);
        target.Listed |= duplicate.Listed;
        if (duplicate.LastConfirmedOn > target.LastConfirmedOn || target.LastConfirmedOn is null) target.LastConfirmedOn = duplicate.LastConfirmedOn;
        target.UpdatedAtUtc = now;

        var others = await db.MatchReviews.Where(r => r.Id != review.Id && r.Status == MatchReviewStatus.Open
            && (r.ProviderId == duplicate.Id || r.CandidateId == duplicate.Id)).ToListAsync(ct);
        foreach (var other in others.Append(review))
        {
            other.Status = other == review ? MatchReviewStatus.Merged : MatchReviewStatus.KeptApart;
            (other.DecidedBy, other.DecidedAtUtc) = (user, now);
            if (other.ProviderId == duplicate.Id) other.ProviderId = null;
            if (other.CandidateId == duplicate.Id) other.CandidateId = null;
        }
        db.Providers.Remove(duplicate);
        await db.SaveChangesAsync(ct);
        await db.AuditAsync("統合", nameof(Provider), target.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"「{review.ProviderLabel}」を「{review.CandidateLabel}」に統合しました。", target.MunicipalityCode, ct);
        return null;
    }

    /// <summary>Fields the kept provider lacks take the merged one's value, with its provenance.</summary>
    private static void FillGaps(Provider target, Provider duplicate)
    {
        var meta = new Dictionary<string, FieldMeta>(target.FieldMeta);
        foreach (var field in ProviderFields.All)
        {
            var value = field.Get(duplicate);
            if (string.IsNullOrEmpty(value) || !string.IsNullOrEmpty(field.Get(target))) continue;
            field.Set(target, value);
            if (duplicate.FieldMeta.TryGetValue(field.Name, out var m)) meta[field.Name] = m;
        }
        target.FieldMeta = meta;
        if (target.CoordinatePrecision == CoordinatePrecision.None) target.CoordinatePrecision = duplicate.CoordinatePrecision;
        target.OpenWeekdays ??= duplicate.OpenWeekdays;
    }
}
