using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Program;
using Renkei.Web.Features.Regions;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Progress;

/// <summary>A checked row: the answer it would store and what that changes, or why it is refused. A blank row changes nothing.</summary>
public sealed record CheckedRow(int Line, string Code, string? Name, List<ItemInput> Items, string? Notes, bool Complete, bool Blank, long? SeenVersion,
    List<string> Errors, List<string> Changes);

/// <summary>
/// Import of a round's answers from the template (<see cref="RoundSheet"/>) by the prefecture office. Every row is checked
/// and refused one by one with its row number and reason; the file is applied only when no row is refused, in one save,
/// so half a file never lands. Imported answers are marked as entered by the prefecture; each change is audited.
/// </summary>
public sealed class RoundImport(RenkeiDb db, TimeProvider clock)
{
    public async Task<List<CheckedRow>> CheckAsync(ProgressRound round, IReadOnlyList<RawRow> rows, CancellationToken ct = default)
    {
        var codes = rows.Select(r => SheetCells.Normal(r.At(0))).Distinct().ToList();
        var municipalities = await db.Municipalities.AsNoTracking().Where(m => codes.Contains(m.Code)).ToDictionaryAsync(m => m.Code, ct);
        var prefectures = await db.Prefectures.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Name, ct);
        var existing = await db.ProgressResponses.AsNoTracking().Include(r => r.Items)
            .Where(r => r.RoundId == round.Id && codes.Contains(r.MunicipalityCode)).ToDictionaryAsync(r => r.MunicipalityCode, ct);
        var seen = new Dictionary<string, int>();
        var result = new List<CheckedRow>();
        foreach (var raw in rows)
        {
            var code = SheetCells.Normal(raw.At(0));
            var m = municipalities.GetValueOrDefault(code);
            var errors = new List<string>();
            var problem = LocalGovernmentCode.Problem(code)
                ?? (m is null ? $"団体コード「{code}」の市区町村はありません。"
                : m.PrefectureCode != round.PrefectureCode ? $"{m.Name}（{code}）は{prefectures.GetValueOrDefault(m.PrefectureCode)}の市区町村です（この調査回は{prefectures.GetValueOrDefault(round.PrefectureCode)}）。"
                : m.Kind == MunicipalityKind.Ward ? $"{m.Name}（{code}）は政令指定都市の区です（市の団体コードで回答してください）。"
                : !db.Scope.CanWriteOnBehalf(code) ? $"{m.Name}（{code}）の回答を入力する権限がありません。"
                : seen.TryGetValue(code, out var first) ? $"{first}行目と同じ市区町村（{m.Name}）の行です（1つの市区町村は1行だけにしてください）。"
                : null);
            if (problem is not null) errors.Add(problem);
            else seen[code] = raw.Line;
            var (items, notes) = Parse(raw, errors);
            var complete = items.All(i => i.Status != ItemStatus.Unanswered);
            // Every answer cell empty: the row was left as the template gave it, and the municipality's answer stays as it is.
            var blank = raw.Cells.Skip(2).Take(RoundSheet.Columns.Count - 2).All(string.IsNullOrWhiteSpace);
            if (errors.Count == 0 && !blank) errors.AddRange(AnswerRules.Check(round.AsOf, items, notes, complete));
            var before = existing.GetValueOrDefault(code);
            var changes = errors.Count > 0 || blank ? [] : Changes(before, items, notes, complete);
            result.Add(new CheckedRow(raw.Line, code, m?.Name, items, notes, complete, blank, before?.Version ?? -1, errors, changes));
        }
        return result;
    }

    /// <returns>null when every change was stored; otherwise why nothing was.</returns>
    public async Task<string?> ApplyAsync(ProgressRound round, IReadOnlyList<CheckedRow> rows, IReadOnlyDictionary<string, long> seenAtPreview, string? user, CancellationToken ct = default)
    {
        if (rows.Count == 0 || rows.Any(r => r.Errors.Count > 0)) return "取り込めない行があるため、何も取り込んでいません。ファイルを直してからもう一度選んでください。";
        var changed = rows.Where(r => r.Changes.Count > 0).ToList();
        // The preview promised these changes against the answers it saw: if someone saved since, the user must look again.
        if (changed.Any(r => seenAtPreview.GetValueOrDefault(r.Code, -2) != r.SeenVersion)) return Concurrency.Message;
        var codes = changed.Select(r => r.Code).ToList();
        var tracked = await db.ProgressResponses.Include(r => r.Items).Where(r => r.RoundId == round.Id && codes.Contains(r.MunicipalityCode))
            .ToDictionaryAsync(r => r.MunicipalityCode, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var row in changed)
        {
            var existing = tracked.GetValueOrDefault(row.Code);
            if (existing is not null) db.Entry(existing).Property(r => r.Version).OriginalValue = row.SeenVersion!.Value;
            ResponseStore.Put(db, round.Id, row.Code, existing, row.Items, row.Notes, row.Complete, onBehalf: true, user, now);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException || (e is DbUpdateException u && Concurrency.IsDuplicateKey(u)))
        {
            return Concurrency.Message;
        }
        return null;
    }

    private static (List<ItemInput>, string?) Parse(RawRow raw, List<string> errors)
    {
        var items = ProgramItems.All.ToDictionary(i => i, i => new ItemInput { Item = i });
        string? notes = null;
        for (var c = 0; c < RoundSheet.Columns.Count; c++)
        {
            var column = RoundSheet.Columns[c];
            var cell = raw.At(c);
            var it = column.Item is { } item ? items[item] : null;
            string? error = null;
            switch (column.Field)
            {
                case SheetField.Status: (it!.Status, error) = SheetCells.Status(cell, column.Header); break;
                case SheetField.Stage: (it!.Stage, error) = SheetCells.Stage(cell, column.Header); break;
                case SheetField.PlannedOn: (it!.PlannedOn, error) = SheetCells.Date(cell, column.Header); break;
                case SheetField.Training:
                    (var on, error) = SheetCells.Flag(cell, column.Header);
                    if (on) it!.Training.Add(column.Kind);
                    break;
                case SheetField.Support: (it!.PrefectureSupported, error) = SheetCells.Flag(cell, column.Header); break;
                case SheetField.CommissionedTo:
                    it!.CommissionedTo = SheetCells.Normal(cell) is { Length: > 0 } to ? cell.Trim() : null;
                    it.Commissioned = it.CommissionedTo is not null;
                    break;
                case SheetField.Notes: notes = string.IsNullOrWhiteSpace(cell) ? null : cell.Trim(); break;
            }
            if (error is not null) errors.Add(error);
        }
        var list = items.Values.ToList();
        list.ForEach(AnswerRules.Normalise);
        return (list, notes);
    }

    /// <summary>What storing the row would change, in words for the preview: each item whose answer differs, and the state.</summary>
    private static List<string> Changes(ProgressResponse? before, List<ItemInput> items, string? notes, bool complete)
    {
        var changes = new List<string>();
        foreach (var i in items)
        {
            var old = before?.Items.SingleOrDefault(a => a.Item == i.Item);
            if (!i.Differs(old)) continue;
            var was = old?.Status ?? ItemStatus.Unanswered;
            changes.Add(was == i.Status ? $"{i.Item.Label()}{i.Status.Japanese()}（詳細を変更）" : $"{i.Item.Label()}{was.Japanese()}→{i.Status.Japanese()}");
        }
        if (before?.Notes != notes) changes.Add("備考を変更");
        var wasSubmitted = before?.SubmittedAtUtc is not null;
        if (changes.Count > 0 || wasSubmitted != complete) changes.Add(complete ? "提出済にする" : "入力中にする");
        return changes;
    }
}
