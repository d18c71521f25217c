using Renkei.Web.Features.Program;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Progress;

/// <summary>
/// Writes a checked answer onto a municipality's response, for the answer form and the import alike: who entered it,
/// when, whether it is handed in, and each item's answer (rows kept and updated in place, so the audit shows what changed).
/// </summary>
public static class ResponseStore
{
    /// <param name="existing">The tracked response with its items, or null to create one.</param>
    /// <param name="evidence">What the pre-fill knew, stored with a new response's items; an existing response keeps its own.</param>
    public static ProgressResponse Put(RenkeiDb db, int roundId, string municipalityCode, ProgressResponse? existing, IReadOnlyList<ItemInput> items,
        string? notes, bool submit, bool onBehalf, string? user, DateTime now, IReadOnlyDictionary<ProgramItem, Proposal>? evidence = null)
    {
        var response = existing ?? db.ProgressResponses.Add(new ProgressResponse { RoundId = roundId, MunicipalityCode = municipalityCode }).Entity;
        foreach (var input in items)
        {
            var answer = response.Items.SingleOrDefault(a => a.Item == input.Item);
            if (answer is null)
            {
                answer = new ProgressItemAnswer { MunicipalityCode = municipalityCode, Item = input.Item, Evidence = evidence?.GetValueOrDefault(input.Item)?.Evidence };
                response.Items.Add(answer);
            }
            AnswerRules.Apply(input, answer);
        }
        response.Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        // A submission records when it was (last) handed in; a draft save takes the answer back to 入力中.
        response.SubmittedAtUtc = submit ? now : null;
        response.EnteredByPrefecture = onBehalf;
        response.UpdatedAtUtc = now;
        response.UpdatedBy = user;
        if (existing is not null)
        {
            // The items live in their own rows: touching the response makes every save check its version.
            db.Entry(response).Property(r => r.UpdatedAtUtc).IsModified = true;
        }
        return response;
    }
}
