using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Program;

/// <summary>
/// JSON API for a municipality's item arrangements. Same tenant rules as the pages: read needs the
/// municipality in the caller's read scope, write in the write scope; a stale version gets 409.
/// </summary>
public static class ArrangementApi
{
    public sealed record ArrangementDto(string Item, string Label, DeliveryMethod Method, string MethodName, int? ContractorOrganisationId,
        string? Department, string? Contact, string? Notes, long Version);

    public sealed record ArrangementInput(DeliveryMethod Method, int? ContractorOrganisationId, string? Department, string? Contact, string? Notes, long Version);

    public static void MapArrangementApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/municipalities/{code}/arrangements").RequireAuthorization();
        api.MapGet("", async (string code, RenkeiDb db, CancellationToken ct) =>
        {
            if (!await db.Municipalities.AnyAsync(m => m.Code == code, ct)) return Results.NotFound(new { error = $"団体コード「{code}」の市区町村はありません。" });
            if (!db.Scope.CanRead(code)) return Results.Forbid();
            var rows = await db.ItemArrangements.AsNoTracking().Where(a => a.MunicipalityCode == code).ToListAsync(ct);
            return Results.Ok(rows.OrderBy(a => a.Item).Select(ToDto));
        });
        api.MapPut("/{item}", async (string code, string item, ArrangementInput input, RenkeiDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            var parsed = ProgramItems.All.Where(i => i.Slug() == item).ToList();
            if (parsed.Count != 1 || !await db.Municipalities.AnyAsync(m => m.Code == code, ct)) return Results.NotFound();
            if (!db.Scope.CanWrite(code)) return Results.Forbid();
            if (!Enum.IsDefined(input.Method)) return Results.BadRequest(new { error = "実施方法の値が正しくありません。" });
            var entity = await db.ItemArrangements.SingleOrDefaultAsync(a => a.MunicipalityCode == code && a.Item == parsed[0], ct)
                ?? db.ItemArrangements.Add(new ItemArrangement { MunicipalityCode = code, Item = parsed[0] }).Entity;
            if (db.Entry(entity).State != EntityState.Added) db.Entry(entity).Property(e => e.Version).OriginalValue = input.Version;
            entity.Method = input.Method;
            entity.ContractorOrganisationId = input.ContractorOrganisationId;
            entity.Department = input.Department;
            entity.Contact = input.Contact;
            entity.Notes = input.Notes;
            entity.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
            entity.UpdatedBy = http.User.Identity?.Name;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || Concurrency.IsDuplicateKey(e))
            {
                return Results.Conflict(new { error = Concurrency.Message });
            }
            return Results.Ok(ToDto(entity));
        });
    }

    private static ArrangementDto ToDto(ItemArrangement a) =>
        new(a.Item.Slug(), a.Item.Label(), a.Method, a.Method.Japanese(), a.ContractorOrganisationId, a.Department, a.Contact, a.Notes, a.Version);
}
